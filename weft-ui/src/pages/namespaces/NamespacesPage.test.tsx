import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import type { Namespace } from "./namespacesApi";

afterEach(() => {
  vi.unstubAllGlobals();
});

function ns(name: string, description: string, retention: string): Namespace {
  return { name, description, retention, createTime: "2026-12-01T10:00:00Z", updateTime: "2026-12-02T10:00:00Z" };
}

/** A server keeping namespaces in a map; a retention that is not a duration is refused. */
function server() {
  const all = new Map<string, Namespace>([["default", ns("default", "The default namespace", "P30D")]]);
  const badRetention = (r: unknown) =>
    json(
      {
        type: "https://weft.dev/problems/invalid-request",
        title: "Invalid request",
        status: 400,
        detail: "retention must be a positive ISO-8601 duration",
        field: "retention",
        value: r,
      },
      400,
    );
  return fakeServer(async (url, request) => {
    if (url.pathname === "/api/v1/namespaces" && request.method === "GET") return json({ namespaces: [...all.values()] });
    const body = (await request.clone().json()) as Record<string, string>;
    if (body.retention !== undefined && !/^P/.test(body.retention)) return badRetention(body.retention);
    if (url.pathname === "/api/v1/namespaces") {
      const n = ns(body.name ?? "", body.description ?? "", body.retention ?? "P30D");
      all.set(n.name, n);
      return json(n, 201);
    }
    const name = decodeURIComponent(url.pathname.split("/").pop() ?? "");
    const n = { ...all.get(name)!, ...body, updateTime: "2026-12-06T10:00:00Z" };
    all.set(name, n);
    return json(n);
  });
}

test("the list shows each namespace with its retention in words and links to its workflows", async () => {
  server();
  renderApp("/namespaces");
  const table = await screen.findByRole("table", { name: "Namespaces" });
  const row = within(table).getAllByRole("row")[1]!;
  expect(within(row).getByRole("link", { name: "default" }).getAttribute("href")).toBe("/namespaces/default/workflows");
  expect(row.textContent).toContain("The default namespace");
  expect(within(row).getByTitle("P30D").textContent).toBe("30 d");
});

test("create sends name, description and retention, and the new namespace is listed", async () => {
  const s = server();
  renderApp("/namespaces");
  await userEvent.click(await screen.findByRole("button", { name: "Create namespace" }));
  const dialog = screen.getByRole("dialog", { name: "Create a namespace" });
  expect(within(dialog).getByRole("button", { name: "Create" }).hasAttribute("disabled")).toBe(true);
  await userEvent.type(within(dialog).getByLabelText("Name"), "billing");
  await userEvent.type(within(dialog).getByLabelText("Description"), "Invoices");
  const retention = within(dialog).getByLabelText(/Retention/);
  await userEvent.clear(retention);
  await userEvent.type(retention, "P7D");
  await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  const posts = s.requests.filter((r) => r.method === "POST");
  expect(posts).toHaveLength(1);
  expect(await posts[0]!.json()).toEqual({ name: "billing", description: "Invoices", retention: "P7D" });
  expect(await screen.findByRole("link", { name: "billing" })).toBeTruthy();
});

test("a bad retention shows the server's problem naming the field, and nothing is created", async () => {
  server();
  renderApp("/namespaces");
  await userEvent.click(await screen.findByRole("button", { name: "Create namespace" }));
  const dialog = screen.getByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("Name"), "x");
  const retention = within(dialog).getByLabelText(/Retention/);
  await userEvent.clear(retention);
  await userEvent.type(retention, "30 days");
  await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert.textContent).toContain("retention must be a positive ISO-8601 duration");
  expect(within(alert).getByText("retention").tagName).toBe("CODE");
  expect(screen.queryByRole("link", { name: "x" })).toBeNull();
});

test("edit sends the description and retention with PATCH", async () => {
  const s = server();
  renderApp("/namespaces");
  await userEvent.click(await screen.findByRole("button", { name: "Edit default" }));
  const dialog = screen.getByRole("dialog", { name: "Edit namespace default" });
  const retention = within(dialog).getByLabelText<HTMLInputElement>(/Retention/);
  expect(retention.value).toBe("P30D");
  await userEvent.clear(retention);
  await userEvent.type(retention, "PT36H");
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  const patch = s.requests.find((r) => r.method === "PATCH")!;
  expect(new URL(patch.url).pathname).toBe("/api/v1/namespaces/default");
  expect(await patch.json()).toEqual({ description: "The default namespace", retention: "PT36H" });
  expect(await screen.findByTitle("PT36H")).toBeTruthy();
});
