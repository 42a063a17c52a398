import { screen } from "@testing-library/react";
import { fakeServer, json, problem, stubLayout } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  vi.unstubAllGlobals();
  restoreLayout();
});

test("the workflows page, its error state and the login page pass axe", async () => {
  let mode: "ok" | "bad" | "401" = "ok";
  fakeServer((url) => {
    if (mode === "401") return problem(401, "unauthorized", "Unauthorized", "token required");
    if (url.pathname.endsWith("/workflow-count")) return json({ count: 4, groups: [{ value: "RUNNING", count: 4 }] });
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    if (mode === "bad") return problem(400, "invalid-query", "Invalid query", "bad token at position 3: expected a field");
    return json({
      workflows: [
        { workflowId: "a", runId: "r", workflowType: "T", taskQueue: "q", status: "RUNNING", startTime: "2026-12-06T10:00:00Z" },
      ],
      nextPageToken: "next",
    });
  });
  const { unmount } = renderApp("/namespaces/default/workflows");
  await screen.findByRole("link", { name: "a" });
  await screen.findByRole("link", { name: "Running 4" });
  expect(await axeViolations()).toEqual([]);
  unmount();

  mode = "bad";
  const bad = renderApp("/namespaces/default/workflows?query=x");
  await screen.findByRole("alert");
  expect(await axeViolations()).toEqual([]);
  bad.unmount();

  mode = "401";
  renderApp("/namespaces/default/workflows");
  await screen.findByLabelText("API token");
  expect(await axeViolations()).toEqual([]);
}, 60_000); // axe over jsdom is slow on a busy machine
