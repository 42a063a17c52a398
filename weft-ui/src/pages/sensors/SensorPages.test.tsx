import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { SENSORS, pricesLanded, sensorRoutes } from "./sensorFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve() {
  const routes = sensorRoutes();
  return fakeServer(async (url, request) => {
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    return (await routes(url, request)) ?? json({});
  });
}

test("the list shows each sensor's interval, state, cursor and last result; a failing one stands out in words", async () => {
  serve();
  renderApp("/namespaces/default/sensors");
  const table = await screen.findByRole("table", { name: "Sensors" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual(["chain-height", "s3-inbox", "nightly-files"]);
  const [chain, failing, paused] = rows as [HTMLElement, HTMLElement, HTMLElement];
  expect(within(chain).getByText("every 1 s")).toBeTruthy();
  expect(within(chain).getByText("running")).toBeTruthy();
  expect(within(chain).getAllByRole("cell")[3]?.textContent).toBe("12");
  expect(await within(chain).findByText("2 requests")).toBeTruthy();
  expect(within(failing).getByText(/FAILING \(3 consecutive failures\)/)).toBeTruthy();
  expect(await within(failing).findByText("error: java.io.UncheckedIOException: bucket inbox unreachable")).toBeTruthy();
  expect(failing.className).toBe("sensor-failing");
  expect(within(paused).getByText("vendor maintenance until Monday")).toBeTruthy();
  expect(within(paused).getAllByRole("cell")[3]?.textContent).toBe("none");
  expect(await within(paused).findByText("not evaluated yet")).toBeTruthy();
  expect(screen.getByText(/1 sensor is failing/).closest("p")?.textContent).toContain("s3-inbox");
  expect(within(chain).getByRole("link", { name: "chain-height" }).getAttribute("href")).toBe("/namespaces/default/sensors/chain-height");
});

test("a sensor watching an asset says so in the list and on its page, with no next evaluation time", async () => {
  const routes = sensorRoutes(new Map([[pricesLanded.name, pricesLanded]]));
  fakeServer(async (url, request) => (await routes(url, request)) ?? json({ namespaces: [] }));
  renderApp("/namespaces/default/sensors");
  const table = await screen.findByRole("table", { name: "Sensors" });
  const row = within(table).getAllByRole("row")[1] as HTMLElement;
  expect(within(row).getByText("on market/prices, at most every 30 s")).toBeTruthy();
  expect(within(row).getByText("skipped: changed: [market/prices]")).toBeTruthy();

  await userEvent.click(within(row).getByRole("link", { name: "prices-landed" }));
  const evaluatedOn = await screen.findByText("Evaluated on");
  expect(evaluatedOn.nextElementSibling?.textContent).toBe("each new materialization of market/prices, at most every 30 s");
  expect(screen.getByText("on the next change")).toBeTruthy();
});

test("no sensors: the list says how an app defines them", async () => {
  fakeServer((url) => (url.pathname === SENSORS ? json({ sensors: [] }) : json({ namespaces: [] })));
  renderApp("/namespaces/default/sensors");
  expect(await screen.findByText("No sensors run in this namespace.")).toBeTruthy();
  expect(screen.getAllByText(/Sensors\.builder\(engine\)/).length).toBeGreaterThan(0);
});

test("a node without the sensor workflow: the server's 503 problem", async () => {
  fakeServer((url) =>
    url.pathname === SENSORS
      ? problem(503, "sensors-not-served", "Sensors not served by this node", "the sensor workflow __weft_sensor is not registered on it")
      : json({ namespaces: [] }),
  );
  renderApp("/namespaces/default/sensors");
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Sensors not served by this node");
  expect(screen.queryByText("No sensors run in this namespace.")).toBeNull();
});

test("the sensor page: state, cursor, next evaluation and its evaluations newest first with requests, outcomes and runs", async () => {
  serve();
  renderApp("/namespaces/default/sensors/chain-height");
  const table = await screen.findByRole("table", { name: "Evaluations" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(2);
  const [newest, oldest] = rows as [HTMLElement, HTMLElement];
  expect(within(newest).getAllByRole("cell")[1]?.textContent).toBe("10 → 12");
  expect(newest.textContent).toContain("block-11: started");
  expect(newest.textContent).toContain("block-12: already started");
  expect(within(newest).getByRole("link", { name: "chain-height:block-11" }).getAttribute("href")).toBe(
    "/namespaces/default/workflows/chain-height%3Ablock-11?runId=run-11",
  );
  expect(within(newest).getAllByRole("cell")[4]?.textContent).toBe("12 ms");
  expect(within(oldest).getAllByRole("cell")[4]?.textContent).toBe("4 ms");
  expect(within(oldest).getAllByRole("cell")[1]?.textContent).toBe("10 → unchanged");
  expect(within(oldest).getByText("no new block")).toBeTruthy();
  const facts = screen.getByText("Cursor").nextElementSibling;
  expect(facts?.textContent).toBe("12");
  expect(screen.getByText("every 1 s while its evaluations succeed")).toBeTruthy();
  expect(screen.getByText("Next evaluation").nextElementSibling?.querySelector("time")?.getAttribute("datetime")).toBe(
    "2026-12-06T10:00:03.000Z",
  );
});

test("a failing sensor's page shows its failures and the error of each failed evaluation", async () => {
  serve();
  renderApp("/namespaces/default/sensors/s3-inbox");
  const table = await screen.findByRole("table", { name: "Evaluations" });
  expect(screen.getByText(/FAILING \(3 consecutive failures\)/)).toBeTruthy();
  expect(screen.getByText("Last error").nextElementSibling?.textContent).toBe("java.io.UncheckedIOException: bucket inbox unreachable");
  const row = within(table).getAllByRole("row")[1] as HTMLElement;
  expect(within(row).getAllByRole("cell")[5]?.textContent).toContain("bucket inbox unreachable");
});

test("pause requires a note, which the sensor then shows; unpause brings it back", async () => {
  const server = serve();
  renderApp("/namespaces/default/sensors/chain-height");
  await screen.findByRole("table", { name: "Evaluations" });
  await userEvent.click(screen.getByRole("button", { name: "Pause" }));
  const dialog = screen.getByRole("dialog", { name: "Pause chain-height?" });
  const confirm = within(dialog).getByRole("button", { name: "Pause" }) as HTMLButtonElement;
  expect(confirm.disabled).toBe(true);
  await userEvent.type(within(dialog).getByLabelText(/^Note/), "   ");
  expect(confirm.disabled).toBe(true);
  await userEvent.type(within(dialog).getByLabelText(/^Note/), "chain node upgrade");
  await userEvent.click(confirm);
  await screen.findByRole("button", { name: "Unpause" });
  expect(await server.to(`${SENSORS}/chain-height/pause`)[0]?.json()).toEqual({ note: "chain node upgrade" });
  expect(screen.getByText("Pause note").nextElementSibling?.textContent).toBe("chain node upgrade");
  expect(screen.getByText("none while paused")).toBeTruthy();

  await userEvent.click(screen.getByRole("button", { name: "Unpause" }));
  await userEvent.click(within(screen.getByRole("dialog", { name: "Unpause chain-height?" })).getByRole("button", { name: "Unpause" }));
  await screen.findByRole("button", { name: "Pause" });
  expect(server.to(`${SENSORS}/chain-height/unpause`).map((r) => r.method)).toEqual(["POST"]);
});

test("set cursor: a refused cursor shows the 400 problem in the dialog; a good one is sent and shown; reset sends null", async () => {
  const server = serve();
  renderApp("/namespaces/default/sensors/chain-height");
  await screen.findByRole("table", { name: "Evaluations" });
  await userEvent.click(screen.getByRole("button", { name: "Set cursor" }));
  let dialog = screen.getByRole("dialog", { name: "Set the cursor of chain-height" });
  await userEvent.type(within(dialog).getByLabelText("New cursor"), "bad");
  await userEvent.click(within(dialog).getByRole("button", { name: "Set cursor" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert.textContent).toContain("cursor 'bad' is not a block height");
  expect(alert.textContent).toContain("Field: cursor");

  await userEvent.clear(within(dialog).getByLabelText("New cursor"));
  await userEvent.type(within(dialog).getByLabelText("New cursor"), "7");
  await userEvent.click(within(dialog).getByRole("button", { name: "Set cursor" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  await waitFor(() => expect(screen.getByText("Cursor").nextElementSibling?.textContent).toBe("7"));
  const sent = server.to(`${SENSORS}/chain-height/cursor`);
  expect(sent.map((r) => r.method)).toEqual(["PUT", "PUT"]);
  expect(await sent[1]?.json()).toEqual({ cursor: "7" });

  await userEvent.click(screen.getByRole("button", { name: "Set cursor" }));
  dialog = screen.getByRole("dialog", { name: "Set the cursor of chain-height" });
  await userEvent.click(within(dialog).getByLabelText(/Reset it instead/));
  await userEvent.click(within(dialog).getByRole("button", { name: "Set cursor" }));
  await waitFor(() => expect(screen.getByText("Cursor").nextElementSibling?.textContent).toBe("none yet"));
  expect(await server.to(`${SENSORS}/chain-height/cursor`)[2]?.json()).toEqual({ cursor: null });
});

test("an unknown sensor shows the server's problem", async () => {
  serve();
  renderApp("/namespaces/default/sensors/nope");
  expect((await screen.findByRole("alert")).textContent).toContain("has no running sensor 'nope'");
});
