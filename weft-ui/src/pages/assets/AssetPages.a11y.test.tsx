import { screen } from "@testing-library/react";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";
import { assetRoutes } from "./assetFixtures";

/** Finding the page's content may take a while on a busy machine (the default is 1 s). */
const WAIT = { timeout: 10_000 };

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout();
});
afterEach(() => {
  vi.unstubAllGlobals();
  restoreLayout();
});

test("the catalog, the asset page and the launcher (with a plan and with an error) pass axe", async () => {
  fakeServer((url, request) => assetRoutes(url, request) ?? json({}));
  const catalog = renderApp("/namespaces/default/assets?status=STALE");
  await screen.findByRole("link", { name: "trades/daily_metrics" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  catalog.unmount();

  const page = renderApp("/namespaces/default/assets/trades/daily_metrics");
  await screen.findByRole("table", { name: "Materializations" }, WAIT);
  await screen.findByText("trades and prices of a day", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
  page.unmount();

  const plan = renderApp("/namespaces/default/assets-materialize?selection=%2Btrades%2Fdaily_metrics");
  await screen.findByRole("list", { name: "Planned assets" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  plan.unmount();

  renderApp(`/namespaces/default/assets-materialize?${new URLSearchParams({ selection: "a =x" })}`);
  await screen.findByRole("alert", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
}, 60_000); // axe over jsdom is slow on a busy machine
