import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";
import { scheduleRoutes } from "./scheduleFixtures";

/** Finding the page's content may take a while on a busy machine (the default is 1 s). */
const WAIT = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

test("the schedules list, a schedule's page and its backfill dialog with a refusal pass axe", async () => {
  const routes = scheduleRoutes();
  fakeServer(async (url, request) => (await routes(url, request)) ?? json({ namespaces: [] }));

  const list = renderApp("/namespaces/default/schedules");
  await screen.findByRole("table", { name: "Schedules" }, WAIT);
  await screen.findByText("materialize", { exact: false }, WAIT);
  expect(await axeViolations()).toEqual([]);
  list.unmount();

  renderApp("/namespaces/default/schedules/trades-daily");
  await screen.findByRole("table", { name: "Recent firings" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  await userEvent.click(screen.getByRole("button", { name: "Backfill…" }));
  await userEvent.type(screen.getByLabelText("From (UTC, exclusive)"), "2026-12-05T00:00");
  await userEvent.type(screen.getByLabelText("To (UTC, inclusive)"), "2026-12-01T00:00");
  await userEvent.click(screen.getByRole("button", { name: "Backfill" }));
  await screen.findByRole("alert", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
}, 90_000); // axe over jsdom is slow on a busy machine
