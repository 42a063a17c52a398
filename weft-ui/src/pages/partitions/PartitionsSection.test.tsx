import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { stubCanvas } from "../../testing/canvasStub";
import { renderApp } from "../../testing/renderApp";
import { assetRoutes } from "../assets/assetFixtures";
import { ASSET, partitionRoutes } from "./partitionFixtures";

let canvas: ReturnType<typeof stubCanvas>;
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
  canvas = stubCanvas();
});
afterEach(() => {
  vi.unstubAllGlobals();
  canvas.restore();
  restoreLayout();
});

const PAGE = "/namespaces/default/assets/trades/daily_metrics";

function serve() {
  return fakeServer((url, request) => partitionRoutes(url, request) ?? assetRoutes(url, request) ?? json({}));
}

function barRequests(server: ReturnType<typeof serve>): URLSearchParams[] {
  return server.to(`${ASSET}/partitions/bar`).map((r) => new URL(r.url).searchParams);
}

async function drawnBar(): Promise<HTMLCanvasElement> {
  const group = await screen.findByRole("group", { name: "Partition status bar of trades/daily_metrics" });
  const c = group.querySelector("canvas") as HTMLCanvasElement;
  await waitFor(() => expect(c.dataset.drawn).toBe("1000"));
  return c;
}

test("the section shows the counts, and the bar is drawn from 1000 buckets with the lone failure marked", async () => {
  const server = serve();
  renderApp(PAGE);
  expect(await screen.findByText(/integer partitions 0 to 9999999/)).toBeTruthy();
  // partitions are materialized by a backfill: no Materialize button without partitions
  expect(screen.queryByRole("button", { name: "Materialize" })).toBeNull();
  expect(screen.getByText(/its partitions are materialized by a backfill/)).toBeTruthy();
  const legend = screen.getByRole("list", { name: "Partitions per status" });
  expect(within(legend).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "9,499,998 materialized",
    "0 stale",
    "1 failed",
    "1 in progress",
    "500,000 missing",
  ]);
  const c = await drawnBar();
  // 1280 CSS pixels at ratio 1: as many buckets as pixels, capped at 1000
  expect(barRequests(server)[0]?.get("buckets")).toBe("1000");
  expect(barRequests(server)[0]?.has("from")).toBe(false);
  expect(c.width).toBe(1280);

  const drawn = canvas.last().filter((d) => d.op === "fillRect");
  const failed = drawn.filter((d) => d.style === "#b42318");
  // the bucket of key 4242424 (index 424 of 10,000 keys each) shows one failure in 10,000
  expect(failed).toHaveLength(1);
  const x0 = Math.round((424 * 1280) / 1000);
  const mark = failed[0] as NonNullable<(typeof failed)[number]>;
  // over the bucket's column (widened to be seen), at least 1 px high (6 CSS px here)
  expect(mark.x).toBeLessThanOrEqual(x0);
  expect(mark.x + mark.w).toBeGreaterThanOrEqual(Math.round((425 * 1280) / 1000));
  expect(mark.h).toBeGreaterThanOrEqual(1);
  expect(mark.h).toBe(6);
  expect(mark.y).toBe(0);
  expect(drawn.filter((d) => d.style === "#0b5cad")).toHaveLength(1); // the one in progress
  const summary = screen.getByText(/^10,000,000 partitions from 0 to 9999999 in 1,000 buckets/);
  expect(summary.textContent).toContain("failed partitions in 1 bucket");
  const group = screen.getByRole("group", { name: "Partition status bar of trades/daily_metrics" });
  expect(group.getAttribute("aria-describedby")?.split(" ")).toContain(summary.id);
});

test("the keyboard moves a highlighted bucket with its exact counts, Enter zooms into it, Whole range resets", async () => {
  const server = serve();
  renderApp(PAGE);
  await drawnBar();
  const group = screen.getByRole("group", { name: "Partition status bar of trades/daily_metrics" });
  group.focus();
  const tip = () => screen.getAllByRole("status").find((e) => e.classList.contains("partition-bar-tip"))?.textContent;
  await userEvent.keyboard("{ArrowRight}");
  expect(tip()).toBe("Keys 0 to 9999: 10,000 partitions (10,000 materialized)");
  await userEvent.keyboard("{PageDown}{PageDown}{PageDown}{PageDown}");
  for (let i = 0; i < 24; i++) await userEvent.keyboard("{ArrowRight}");
  expect(tip()).toBe("Keys 4240000 to 4249999: 10,000 partitions (9,999 materialized, 1 failed)");
  // the highlight is stroked around the bucket's column
  expect(canvas.last().some((d) => d.op === "strokeRect" && d.x === Math.round((424 * 1280) / 1000) - 1)).toBe(true);

  await userEvent.keyboard("{Enter}");
  await waitFor(() => expect(barRequests(server).some((q) => q.get("from") === "4240000" && q.get("to") === "4249999")).toBe(true));
  expect(await screen.findByText(/^10,000 partitions from 4240000 to 4249999 in 1,000 buckets/)).toBeTruthy();
  expect(screen.getByText(/Zoomed to/).textContent).toBe("Zoomed to 4240000 – 4249999");
  expect(tip()).toBe("");
  // ten keys a bucket now: the failure is in the bucket of keys 4242420 to 4242429
  await userEvent.keyboard("{Home}");
  expect(tip()).toBe("Keys 4240000 to 4240009: 10 partitions (10 materialized)");

  await userEvent.click(screen.getByRole("button", { name: "Whole range" }));
  expect(await screen.findByText(/^10,000,000 partitions from 0 to 9999999/)).toBeTruthy();
  expect(screen.getByRole("button", { name: "Whole range" }).hasAttribute("disabled")).toBe(true);
});

test("hovering shows a bucket's counts; dragging over buckets zooms to their range", async () => {
  const server = serve();
  renderApp(PAGE);
  const c = await drawnBar();
  fireEvent.pointerMove(c, { clientX: 543.5, pointerId: 1 }); // pixel 543 -> bucket 424
  expect(screen.getByText("Keys 4240000 to 4249999: 10,000 partitions (9,999 materialized, 1 failed)")).toBeTruthy();
  fireEvent.pointerDown(c, { clientX: 0, pointerId: 1 });
  fireEvent.pointerMove(c, { clientX: 130, pointerId: 1 });
  fireEvent.pointerUp(c, { clientX: 130, pointerId: 1 }); // pixel 130 -> bucket 101
  await waitFor(() => expect(barRequests(server).some((q) => q.get("from") === "0" && q.get("to") === "1019999")).toBe(true));
  expect(await screen.findByText(/^1,020,000 partitions from 0 to 1019999/)).toBeTruthy();
});

test("ranges by status page on; a key lookup shows its status or why the key is wrong", async () => {
  const server = serve();
  renderApp(PAGE);
  const failed = await screen.findByRole("table", { name: "Partition ranges failed" });
  expect(within(failed).getAllByRole("row")[1]?.textContent).toContain("no prices for the day");
  await userEvent.selectOptions(screen.getByLabelText("Status"), "MISSING");
  const missing = await screen.findByRole("table", { name: "Partition ranges missing" });
  expect(within(missing).getAllByRole("row")).toHaveLength(2);
  await userEvent.click(screen.getByRole("button", { name: "More ranges" }));
  await waitFor(() => expect(within(missing).getAllByRole("row")).toHaveLength(3));
  expect(server.to(`${ASSET}/partitions/ranges`).map((r) => new URL(r.url).searchParams.get("status"))).toContain("MISSING");

  const field = screen.getByLabelText("Partition key");
  await userEvent.type(field, "4242424");
  await userEvent.click(screen.getByRole("button", { name: "Look up" }));
  const facts = await screen.findByLabelText("Partition 4242424");
  expect(facts.textContent).toContain("failed");
  expect(facts.textContent).toContain("no prices for the day");

  await userEvent.clear(field);
  await userEvent.type(field, "x1");
  await userEvent.click(screen.getByRole("button", { name: "Look up" }));
  const alert = await screen.findByText(/"x1" is not a partition/);
  expect(alert.closest("[role=alert]")?.textContent).toContain("Field: key");
  expect(field.getAttribute("aria-invalid")).toBe("true");
});

test("an unpartitioned asset has no partitions section and asks for no partitions", async () => {
  const server = fakeServer((url, request) => assetRoutes(url, request) ?? json({}));
  renderApp(PAGE);
  await screen.findByRole("heading", { name: "Checks" });
  expect(screen.queryByRole("heading", { name: "Partitions" })).toBeNull();
  expect(screen.getByRole("button", { name: "Materialize" })).toBeTruthy();
  expect(server.requests.some((r) => new URL(r.url).pathname.includes("/partitions"))).toBe(false);
});
