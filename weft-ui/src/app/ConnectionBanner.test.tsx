import { screen, waitFor } from "@testing-library/react";
import { fakeServer, json } from "../testing/fakeServer";
import { renderApp } from "../testing/renderApp";
import { connection } from "./connection";

afterEach(() => {
  vi.unstubAllGlobals();
  connection.markUp();
});

test("a banner while the server does not answer; it polls health and goes away when the server is back", async () => {
  let up = false;
  const server = fakeServer((url) => {
    if (!up) throw new TypeError("Failed to fetch");
    if (url.pathname === "/api/v1/health") return json({ status: "UP" });
    if (url.pathname.endsWith("/workflow-count")) return json({ count: 0 });
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    return json({ workflows: [] });
  });
  renderApp("/namespaces/default/workflows");

  const banner = await screen.findByText(/The Weft server does not answer/);
  expect(banner.getAttribute("role")).toBe("alert");
  await waitFor(() => expect(server.to("/api/v1/health").length).toBeGreaterThan(0));

  up = true;
  await waitFor(() => expect(screen.queryByText(/The Weft server does not answer/)).toBeNull(), {
    timeout: 8000,
  });
  // the page refetched its data once the server was back
  await waitFor(() => expect(screen.getByText(/0 runs loaded/)).toBeTruthy());
});
