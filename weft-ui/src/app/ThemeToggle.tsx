import { useTheme } from "./theme";

/** Switches between the light and the dark theme; the choice is remembered in this browser. */
export function ThemeToggle() {
  const [theme, toggle] = useTheme();
  const next = theme === "dark" ? "light" : "dark";
  return (
    <button type="button" className="button quiet" onClick={toggle} aria-label={`Switch to the ${next} theme`}>
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
