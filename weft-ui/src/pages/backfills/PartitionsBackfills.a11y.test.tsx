import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { stubCanvas } from "../../testing/canvasStub";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";
import { assetRoutes } from "../assets/assetFixtures";
import { partitionRoutes } from "../partitions/partitionFixtures";
import { backfillRoutes } from "./backfillFixtures";

/** Finding the page's content may take a while on a busy machine (the default is 1 s). */
const WAIT = { timeout: 10_000 };

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

test("the partitions section (bar, highlight, invalidate dialog), the backfill pages and the launcher pass axe", async () => {
  const backfills = backfillRoutes();
  fakeServer((url, request) => partitionRoutes(url, request) ?? backfills(url, request) ?? assetRoutes(url, request) ?? json({}));

  const asset = renderApp("/namespaces/default/assets/trades/daily_metrics");
  const group = await screen.findByRole("group", { name: "Partition status bar of trades/daily_metrics" }, WAIT);
  await waitFor(() => expect(group.querySelector("canvas")?.dataset.drawn).toBe("1000"), WAIT);
  await screen.findByRole("table", { name: "Partition ranges failed" }, WAIT);
  group.focus();
  await userEvent.keyboard("{ArrowRight}");
  expect(await axeViolations()).toEqual([]);
  await userEvent.click(screen.getByRole("button", { name: "Invalidate…" }));
  await screen.findByRole("dialog", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
  asset.unmount();

  const list = renderApp("/namespaces/default/backfills");
  await screen.findByRole("table", { name: "Backfills" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  list.unmount();

  const page = renderApp("/namespaces/default/backfills/bf-1");
  await screen.findByRole("table", { name: "Failed partitions" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  page.unmount();

  renderApp("/namespaces/default/backfills/new?selection=trades%2F*&from=2024-01-01&to=2024-12-31");
  await userEvent.click(screen.getByRole("button", { name: "Count" }));
  await screen.findByRole("table", { name: "Dry run per asset" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  await userEvent.clear(screen.getByLabelText("Selection"));
  await userEvent.type(screen.getByLabelText("Selection"), "trades/nope");
  await userEvent.click(screen.getByRole("button", { name: "Count" }));
  await screen.findByRole("alert", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
}, 90_000); // axe over jsdom is slow on a busy machine
