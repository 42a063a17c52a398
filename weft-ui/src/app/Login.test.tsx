import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem } from "../testing/fakeServer";
import { renderApp } from "../testing/renderApp";
import { session } from "./session";

afterEach(() => {
  vi.unstubAllGlobals();
  session.reset();
});

test("a 401 shows the login page; the token is kept for the tab and sent as Bearer; a revoked token returns to login", async () => {
  let accepted = "good-token";
  const server = fakeServer((url, request) => {
    if (request.headers.get("Authorization") !== `Bearer ${accepted}`) {
      return problem(401, "unauthorized", "Unauthorized", "an API token is required");
    }
    if (url.pathname.endsWith("/workflow-count")) return json({ count: 1 });
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    return json({ workflows: [] });
  });
  renderApp("/namespaces/default/workflows?query=WorkflowType%3D'A'");

  const token = await screen.findByLabelText("API token");
  expect(screen.getByRole("heading", { name: "Sign in to Weft" })).toBeTruthy();
  expect(screen.queryByRole("heading", { name: "Workflows" })).toBeNull();

  await userEvent.type(token, "good-token");
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

  expect(await screen.findByRole("heading", { name: "Workflows" })).toBeTruthy();
  expect(sessionStorage.getItem("weft.token")).toBe("good-token");
  // the page the user asked for, filter included
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/workflows?query=WorkflowType%3D'A'");
  await waitFor(() => {
    const last = server.to("/api/v1/namespaces/default/workflows").at(-1);
    expect(last?.headers.get("Authorization")).toBe("Bearer good-token");
  });

  // the token is revoked: the next answer is a 401 again
  accepted = "another";
  await screen.findByLabelText("API token", undefined, { timeout: 8000 });
  expect(sessionStorage.getItem("weft.token")).toBeNull();
});
