import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ThemeToggle } from "./ThemeToggle";
import { initialTheme } from "./theme";

function prefersDark(dark: boolean) {
  vi.stubGlobal("matchMedia", (q: string) => ({ matches: dark && q.includes("dark"), media: q }));
}

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

test("follows prefers-color-scheme until the user chooses, then remembers the choice", async () => {
  prefersDark(true);
  expect(initialTheme()).toBe("dark");
  render(<ThemeToggle />);
  expect(document.documentElement.dataset.theme).toBe("dark");
  await userEvent.click(screen.getByRole("button", { name: "Switch to the light theme" }));
  expect(document.documentElement.dataset.theme).toBe("light");
  expect(localStorage.getItem("weft.theme")).toBe("light");
  expect(initialTheme()).toBe("light");
});

test("light when the system has no preference", () => {
  prefersDark(false);
  expect(initialTheme()).toBe("light");
});
