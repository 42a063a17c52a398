import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, stubLayout } from "../../testing/fakeServer";
import { stubCanvas } from "../../testing/canvasStub";
import { renderApp } from "../../testing/renderApp";
import { connection } from "../../app/connection";
import { assetRoutes } from "../assets/assetFixtures";
import { ASSET, noAssetHost, partitionRoutes } from "./partitionFixtures";

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
  connection.markUp();
});

const PAGE = "/namespaces/default/assets/trades/daily_metrics";

async function highlightFirstBucket() {
  const group = await screen.findByRole("group", { name: "Partition status bar of trades/daily_metrics" });
  await waitFor(() => expect(group.querySelector("canvas")?.dataset.drawn).toBe("1000"));
  group.focus();
  await userEvent.keyboard("{ArrowRight}");
}

test("invalidate a highlighted bucket with a reason and rematerialize: the cascade per asset and the run", async () => {
  const server = fakeServer((url, request) => partitionRoutes(url, request) ?? assetRoutes(url, request) ?? json({}));
  renderApp(PAGE);
  await highlightFirstBucket();
  await userEvent.click(screen.getByRole("button", { name: "Invalidate…" }));
  const dialog = screen.getByRole("dialog", { name: "Invalidate partitions of trades/daily_metrics?" });
  expect((within(dialog).getByLabelText("From key") as HTMLInputElement).value).toBe("0");
  expect((within(dialog).getByLabelText("To key (inclusive)") as HTMLInputElement).value).toBe("9999");
  const confirm = within(dialog).getByRole("button", { name: "Invalidate" });
  // the reason is required
  expect(confirm.hasAttribute("disabled")).toBe(true);
  await userEvent.type(within(dialog).getByLabelText("Reason (required)"), "re-org at 19000000");
  await userEvent.click(within(dialog).getByLabelText("Rematerialize them now"));
  await userEvent.click(confirm);

  const result = await screen.findByRole("list", { name: "Invalidated partitions per asset" });
  expect(within(result).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "trades/daily_metrics: 10,000 partitions stale",
    "trades/report: 10,000 partitions stale",
  ]);
  const run = screen.getByRole("link", { name: "__weft_materialize:inv-1" });
  expect(run.getAttribute("href")).toBe("/namespaces/default/workflows/__weft_materialize%3Ainv-1?runId=run-inv-1");
  const sent = server.to(`${ASSET}/partitions/invalidate`);
  expect(sent).toHaveLength(1);
  expect(await sent[0]?.json()).toEqual({ from: "0", to: "9999", reason: "re-org at 19000000", rematerialize: true });
  expect(screen.queryByRole("dialog")).toBeNull();
});

test("listed keys; an invalid key and no asset host stay in the dialog as the server's problems", async () => {
  let answer: "bad-key" | "no-host" = "bad-key";
  const server = fakeServer((url, request) => {
    if (url.pathname === `${ASSET}/partitions/invalidate`) {
      if (answer === "no-host") return noAssetHost();
      return json(
        { type: "https://weft.dev/problems/invalid-partition-key", title: "Invalid partition key", status: 400, detail: '"x" is not a partition of integer partitions 0 to 9999999', field: "keys", value: "x" },
        400,
      );
    }
    return partitionRoutes(url, request) ?? assetRoutes(url, request) ?? json({});
  });
  renderApp(PAGE);
  await screen.findByRole("group", { name: "Partition status bar of trades/daily_metrics" });
  await userEvent.click(await screen.findByRole("button", { name: "Invalidate…" }));
  const dialog = screen.getByRole("dialog");
  // without a highlight or a zoom, the form starts from the whole range
  expect((within(dialog).getByLabelText("From key") as HTMLInputElement).value).toBe("0");
  expect((within(dialog).getByLabelText("To key (inclusive)") as HTMLInputElement).value).toBe("9999999");
  await userEvent.click(within(dialog).getByLabelText("Listed keys"));
  await userEvent.type(within(dialog).getByLabelText(/^Keys/), "42, x");
  await userEvent.type(within(dialog).getByLabelText("Reason (required)"), "bad load");
  await userEvent.click(within(dialog).getByRole("button", { name: "Invalidate" }));
  const bad = await within(dialog).findByRole("alert");
  expect(bad.textContent).toContain('"x" is not a partition');
  expect(bad.textContent).toContain("Field: keys");
  expect(await server.to(`${ASSET}/partitions/invalidate`)[0]?.json()).toEqual({ keys: ["42", "x"], reason: "bad load", rematerialize: false });

  answer = "no-host";
  await userEvent.click(within(dialog).getByRole("button", { name: "Invalidate" }));
  await waitFor(() => expect(within(dialog).getByRole("alert").textContent).toContain("no node hosting the asset code answered"));
  // the server answered: the banner saying it does not stays away
  expect(screen.queryByText(/The Weft server does not answer/)).toBeNull();
  expect(screen.queryByRole("list", { name: "Invalidated partitions per asset" })).toBeNull();
});
