import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { axeViolations } from "../../testing/axe";
import { hookRoutes } from "../hooks/hookFixtures";
import { sensorRoutes } from "./sensorFixtures";

/** Finding the page's content may take a while on a busy machine (the default is 1 s). */
const WAIT = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

test("the sensors list, a failing sensor's page with its dialogs, the webhooks list and a hook page pass axe", async () => {
  const sensors = sensorRoutes();
  const hooks = hookRoutes();
  fakeServer(async (url, request) => (await sensors(url, request)) ?? hooks(url) ?? json({ namespaces: [] }));

  const list = renderApp("/namespaces/default/sensors");
  await screen.findByRole("table", { name: "Sensors" }, WAIT);
  await screen.findByText("2 requests", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
  list.unmount();

  const page = renderApp("/namespaces/default/sensors/s3-inbox");
  await screen.findByRole("table", { name: "Evaluations" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  await userEvent.click(screen.getByRole("button", { name: "Pause" }));
  await screen.findByRole("dialog", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
  await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
  await userEvent.click(screen.getByRole("button", { name: "Set cursor" }));
  await userEvent.type(screen.getByLabelText("New cursor"), "bad");
  await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Set cursor" }));
  await within(screen.getByRole("dialog")).findByRole("alert", {}, WAIT);
  expect(await axeViolations()).toEqual([]);
  page.unmount();

  const hookList = renderApp("/namespaces/default/hooks");
  await screen.findByRole("table", { name: "Webhooks" }, WAIT);
  expect(await axeViolations()).toEqual([]);
  hookList.unmount();

  renderApp("/namespaces/default/hooks/approve");
  await screen.findByRole("link", { name: "approval-7" }, WAIT);
  await screen.findByText(/workflow approval-9 not found/, {}, WAIT);
  expect(await axeViolations()).toEqual([]);
}, 90_000); // axe over jsdom is slow on a busy machine
