/** The application shell; pages are added by the router as they are built. */
export function App() {
  return (
    <main>
      <h1>Weft</h1>
    </main>
  );
}
