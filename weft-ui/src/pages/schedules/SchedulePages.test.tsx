import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { SCHEDULES, scheduleRoutes } from "./scheduleFixtures";

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(routes = scheduleRoutes()) {
  return fakeServer(async (url, request) => {
    if (url.pathname === "/api/v1/namespaces") return json({ namespaces: [] });
    return (await routes(url, request)) ?? json({});
  });
}

function location(): string {
  return screen.getByTestId("location").textContent ?? "";
}

function times(element: HTMLElement): (string | null)[] {
  return [...element.querySelectorAll("time")].map((t) => t.getAttribute("datetime"));
}

test("the list shows each schedule's spec, action, state, next fire time and last firing with its run, and is in the navigation", async () => {
  const server = serve();
  renderApp("/namespaces/default/schedules");
  const table = await screen.findByRole("table", { name: "Schedules" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual(["trades-daily", "reports"]);

  const [daily, reports] = rows.map((r) => within(r).getAllByRole("cell"));
  expect(daily?.[1]?.textContent).toBe("cron 0 1 * * * in UTC");
  await waitFor(() =>
    expect(daily?.[2]?.textContent).toBe("materialize trades/trades_by_day+, the partition before the fire time"),
  );
  expect(daily?.[3]?.textContent).toBe("active");
  expect(times(daily?.[4] as HTMLElement)).toEqual(["2026-12-08T01:00:00.000Z"]);
  expect(times(daily?.[5] as HTMLElement)).toEqual(["2026-12-07T01:00:00.000Z"]);
  expect(daily?.[5]?.textContent).toContain("STARTED");
  expect(within(daily?.[5] as HTMLElement).getByRole("link").getAttribute("href")).toBe(
    "/namespaces/default/workflows/trades-daily%402026-12-07T01%3A00%3A00Z",
  );

  expect(reports?.[1]?.textContent).toBe("every 1 h (offset 5 min) in Europe/Paris");
  await waitFor(() => expect(reports?.[2]?.textContent).toBe("start workflow ReportWorkflow on reports"));
  expect(reports?.[3]?.textContent).toBe("pausedwarehouse migration");
  expect(reports?.[5]?.textContent).toBe("none yet");

  // everything comes from the list answer: no read per row
  expect(server.to(`${SCHEDULES}/trades-daily`)).toHaveLength(0);
  const nav = screen.getByRole("navigation", { name: "Main" });
  expect(within(nav).getByRole("link", { name: "Schedules" }).getAttribute("aria-current")).toBe("page");
  expect(within(nav).getByRole("link", { name: "Sensors" }).getAttribute("href")).toBe("/namespaces/default/sensors");
  expect(within(nav).getByRole("link", { name: "Webhooks" }).getAttribute("href")).toBe("/namespaces/default/hooks");

  await userEvent.click(within(table).getByRole("link", { name: "trades-daily" }));
  await waitFor(() => expect(location()).toBe("/namespaces/default/schedules/trades-daily"));
});

test("an empty namespace says how to create a schedule", async () => {
  serve(scheduleRoutes([]));
  renderApp("/namespaces/default/schedules");
  expect(await screen.findByText("No schedules in this namespace yet.")).toBeTruthy();
  expect(screen.getByText(/^weft schedule create nightly --cron/)).toBeTruthy();
  expect(screen.getByText(/^Schedules\.builder\(engine\)/)).toBeTruthy();
});

test("a schedule's page shows its definition, next fire times, counts and recent firings newest first with their runs", async () => {
  const server = serve();
  renderApp("/namespaces/default/schedules/trades-daily");
  const firings = await screen.findByRole("table", { name: "Recent firings" });
  expect(screen.getByRole("heading", { name: "trades-daily", level: 1 })).toBeTruthy();
  expect(screen.getByText("yesterday's partition of the daily trades, at 01:00 UTC")).toBeTruthy();
  expect(screen.getByText("cron 0 1 * * * in UTC")).toBeTruthy();
  expect(screen.getByText("SKIP")).toBeTruthy();
  expect(screen.getByText("1 min")).toBeTruthy();
  expect(screen.getByText("1 started, 1 skipped, 0 failed")).toBeTruthy();
  expect(times(screen.getByRole("list", { name: "Next fire times" }))).toEqual([
    "2026-12-08T01:00:00.000Z",
    "2026-12-09T01:00:00.000Z",
    "2026-12-10T01:00:00.000Z",
  ]);
  expect(new URL(server.to(`${SCHEDULES}/trades-daily`)[0]?.url ?? "http://x").searchParams.get("next")).toBe("10");

  const rows = within(firings).getAllByRole("row").slice(1);
  expect(rows.map((r) => times(r)[0])).toEqual(["2026-12-07T01:00:00.000Z", "2026-12-06T01:00:00.000Z"]);
  expect(within(rows[0] as HTMLElement).getByRole("link", { name: "trades-daily@2026-12-07T01:00:00Z" }).getAttribute("href")).toBe(
    "/namespaces/default/workflows/trades-daily%402026-12-07T01%3A00%3A00Z?runId=run-7",
  );
  // a skipped firing started no run: no link
  expect(within(rows[1] as HTMLElement).queryByRole("link")).toBeNull();
  expect(rows[1]?.textContent).toContain("paused: vendor outage");
});

test("a paused interval schedule shows its note, zone, jitter, arguments, buffered firing and running run", async () => {
  serve();
  renderApp("/namespaces/default/schedules/reports");
  expect(await screen.findByText("No firings yet.")).toBeTruthy();
  const heading = screen.getByRole("heading", { name: "reports", level: 1 }).parentElement as HTMLElement;
  expect(heading.textContent).toContain("pausedwarehouse migration");
  expect(screen.getByText("every 1 h (offset 5 min) in Europe/Paris")).toBeTruthy();
  expect(screen.getByText("Europe/Paris")).toBeTruthy();
  expect(screen.getByText("up to 30 s")).toBeTruthy();
  expect(screen.getByText("BUFFER_ONE")).toBeTruthy();
  expect(screen.getByText('["eu"]')).toBeTruthy();
  const buffered = screen.getByText("Buffered").nextElementSibling as HTMLElement;
  expect(times(buffered)).toEqual(["2026-12-07T14:05:00.000Z"]);
  expect(screen.getByRole("link", { name: "reports@2026-12-07T13:05:00Z" }).getAttribute("href")).toBe(
    "/namespaces/default/workflows/reports%402026-12-07T13%3A05%3A00Z",
  );
  expect(screen.getByRole("button", { name: "Unpause" })).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Pause" })).toBeNull();
});

test("pause requires a note and sends it, the note is shown, and unpause returns it to active", async () => {
  const server = serve();
  renderApp("/namespaces/default/schedules/trades-daily");
  await userEvent.click(await screen.findByRole("button", { name: "Pause" }));
  const dialog = screen.getByRole("dialog", { name: "Pause trades-daily?" });
  const confirm = within(dialog).getByRole("button", { name: "Pause" });
  expect((confirm as HTMLButtonElement).disabled).toBe(true);
  await userEvent.type(within(dialog).getByLabelText(/^Note/), "   ");
  expect((confirm as HTMLButtonElement).disabled).toBe(true);
  await userEvent.type(within(dialog).getByLabelText(/^Note/), "vendor outage");
  await userEvent.click(confirm);
  expect(await screen.findByText("Pause sent to the schedule.")).toBeTruthy();
  expect(await server.to(`${SCHEDULES}/trades-daily/pause`)[0]?.json()).toEqual({ note: "vendor outage" });
  const heading = screen.getByRole("heading", { name: "trades-daily", level: 1 }).parentElement as HTMLElement;
  await waitFor(() => expect(heading.textContent).toContain("pausedvendor outage"));

  await userEvent.click(await screen.findByRole("button", { name: "Unpause" }));
  const unpause = screen.getByRole("dialog", { name: "Unpause trades-daily?" });
  expect((within(unpause).getByLabelText(/^Note/) as HTMLInputElement).value).toBe("");
  await userEvent.click(within(unpause).getByRole("button", { name: "Unpause" }));
  await screen.findByRole("button", { name: "Pause" });
  expect(heading.textContent).toContain("active");
  expect(await server.to(`${SCHEDULES}/trades-daily/unpause`)[0]?.json()).toEqual({});
});

test("trigger now fires it and the firing appears with a link to its run", async () => {
  const server = serve();
  renderApp("/namespaces/default/schedules/trades-daily");
  await userEvent.click(await screen.findByRole("button", { name: "Trigger now" }));
  await userEvent.click(within(screen.getByRole("dialog", { name: "Trigger trades-daily now?" })).getByRole("button", { name: "Trigger now" }));
  const link = await screen.findByRole("link", { name: "trades-daily@2026-12-07T14:00:00Z" });
  expect(link.getAttribute("href")).toBe("/namespaces/default/workflows/trades-daily%402026-12-07T14%3A00%3A00Z?runId=run-now");
  expect(server.to(`${SCHEDULES}/trades-daily/trigger`).map((r) => r.method)).toEqual(["POST"]);
  expect(screen.getByText("2 started, 1 skipped, 0 failed")).toBeTruthy();
});

test("backfill sends the range in UTC and the overlap policy, and shows the server's 400 next to the form", async () => {
  const server = serve();
  renderApp("/namespaces/default/schedules/trades-daily");
  await userEvent.click(await screen.findByRole("button", { name: "Backfill…" }));
  const dialog = screen.getByRole("dialog", { name: "Backfill trades-daily" });
  const confirm = within(dialog).getByRole("button", { name: "Backfill" }) as HTMLButtonElement;
  expect(confirm.disabled).toBe(true);

  // To before From: the server refuses, the dialog stays open with its problem
  await userEvent.type(within(dialog).getByLabelText("From (UTC, exclusive)"), "2026-12-05T00:00");
  await userEvent.type(within(dialog).getByLabelText("To (UTC, inclusive)"), "2026-12-01T00:00");
  await userEvent.selectOptions(within(dialog).getByLabelText("Overlap policy"), "ALLOW_ALL");
  await userEvent.click(confirm);
  const alert = await within(dialog).findByRole("alert");
  expect(alert.textContent).toContain("to 2026-12-01T00:00:00Z is not after from 2026-12-05T00:00:00Z");
  expect(alert.textContent).toContain("Field: to");
  expect(await server.to(`${SCHEDULES}/trades-daily/backfill`)[0]?.json()).toEqual({
    from: "2026-12-05T00:00:00Z",
    to: "2026-12-01T00:00:00Z",
    overlapPolicy: "ALLOW_ALL",
  });

  await userEvent.clear(within(dialog).getByLabelText("To (UTC, inclusive)"));
  await userEvent.type(within(dialog).getByLabelText("To (UTC, inclusive)"), "2026-12-07T00:00");
  await userEvent.selectOptions(within(dialog).getByLabelText("Overlap policy"), "");
  await userEvent.click(confirm);
  expect(await screen.findByText("Backfill sent to the schedule.")).toBeTruthy();
  expect(screen.queryByRole("dialog")).toBeNull();
  expect(await server.to(`${SCHEDULES}/trades-daily/backfill`)[1]?.json()).toEqual({
    from: "2026-12-05T00:00:00Z",
    to: "2026-12-07T00:00:00Z",
  });
  await screen.findByRole("link", { name: "trades-daily@2026-12-07T00:00:00Z" });
});

test("delete asks first, then goes back to the list without the schedule", async () => {
  const server = serve();
  renderApp("/namespaces/default/schedules/reports");
  await userEvent.click(await screen.findByRole("button", { name: "Delete" }));
  await userEvent.click(within(screen.getByRole("dialog", { name: "Delete reports?" })).getByRole("button", { name: "Delete" }));
  await waitFor(() => expect(location()).toBe("/namespaces/default/schedules"));
  const table = await screen.findByRole("table", { name: "Schedules" });
  await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(2));
  expect(server.to(`${SCHEDULES}/reports`).map((r) => r.method)).toContain("DELETE");
});

test("an unknown schedule shows the server's problem", async () => {
  serve();
  renderApp("/namespaces/default/schedules/nope");
  expect((await screen.findByRole("alert")).textContent).toContain("no schedule nope");
});
