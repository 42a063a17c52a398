import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { assetRoutes } from "./assetFixtures";
import { selectionFault } from "./selectionProblem";
import { ProblemError } from "../../api/problem";

afterEach(() => {
  vi.unstubAllGlobals();
});

const NS = "/api/v1/namespaces/default";

function server() {
  return fakeServer((url, request) => {
    if (url.pathname === `${NS}/asset-materializations` && request.method === "POST") {
      return json({ workflowId: "__weft_materialize:u2", runId: "r2", selection: "+trades/daily_metrics", assetKeys: [] }, 202);
    }
    if (url.pathname === `${NS}/workflows/__weft_materialize%3Au2`) {
      return json({ workflowId: "__weft_materialize:u2", runId: "r2", workflowType: "__weft_materialize", taskQueue: "__weft_assets", status: "COMPLETED", startTime: "2026-12-06T10:00:00Z", historyLength: 9 });
    }
    if (url.pathname === `${NS}/asset-selection` && url.searchParams.get("selection") === "*") {
      return json(
        {
          type: "https://weft.dev/problems/selection-has-partitioned-assets",
          title: "Selection has partitioned assets",
          status: 400,
          detail:
            "selection '*' holds partitioned assets trades/daily_prices, trades/daily_volume, which a materialization without partitions cannot compute: materialize their partitions with materialize(selection, PartitionSelection) or a backfill, and select the unpartitioned assets without them",
          field: "selection",
          value: "*",
          partitionedAssetKeys: ["trades/daily_prices", "trades/daily_volume"],
          backfillSelection: "trades/daily_prices, trades/daily_volume",
        },
        400,
      );
    }
    return assetRoutes(url, request) ?? json({});
  });
}

test("the launcher previews a selection in dependency order, then launches it after a confirmation", async () => {
  const s = server();
  renderApp("/namespaces/default/assets");
  await userEvent.click(await screen.findByRole("link", { name: "Materialize…" }));
  await userEvent.type(screen.getByLabelText("Selection"), "+trades/daily_metrics");
  expect(screen.queryByRole("button", { name: /Materialize 3/ })).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: "Preview" }));
  expect(screen.getByTestId("location").textContent).toBe("/namespaces/default/assets-materialize?selection=%2Btrades%2Fdaily_metrics");
  const plan = await screen.findByRole("list", { name: "Planned assets" });
  expect(within(plan).getAllByRole("link").map((l) => l.textContent)).toEqual([
    "trades/raw_trades",
    "trades/processed_trades",
    "trades/daily_metrics",
  ]);
  expect(s.to(`${NS}/asset-materializations`)).toHaveLength(0);

  // an edited selection must be previewed again before it launches
  await userEvent.type(screen.getByLabelText("Selection"), "x");
  expect((screen.getByRole("button", { name: "Materialize 3 assets" }) as HTMLButtonElement).disabled).toBe(true);
  await userEvent.type(screen.getByLabelText("Selection"), "{Backspace}");
  await userEvent.click(screen.getByRole("button", { name: "Materialize 3 assets" }));
  const dialog = screen.getByRole("dialog", { name: "Materialize +trades/daily_metrics?" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Materialize 3 assets" }));
  const link = await screen.findByRole("link", { name: "__weft_materialize:u2" });
  expect(link.getAttribute("href")).toBe("/namespaces/default/workflows/__weft_materialize%3Au2?runId=r2");
  await waitFor(() => expect(screen.getByText("COMPLETED")).toBeTruthy());
  expect(await s.to(`${NS}/asset-materializations`)[0]?.clone().json()).toEqual({ selection: "+trades/daily_metrics" });
});

test("a syntax error is shown at its position and unknown keys are named", async () => {
  server();
  renderApp(`/namespaces/default/assets-materialize?${new URLSearchParams({ selection: "market/raw_trades =x" })}`);
  const caret = await screen.findByLabelText("The selection is wrong at position 19");
  expect(caret.textContent).toBe(`market/raw_trades =x\n${" ".repeat(18)}^`);
  expect(screen.getByRole("alert").textContent).toContain("unexpected '=' at position 19");
  expect(screen.getByLabelText("Selection").getAttribute("aria-invalid")).toBe("true");
  expect(screen.queryByRole("list", { name: "Planned assets" })).toBeNull();

  await userEvent.clear(screen.getByLabelText("Selection"));
  await userEvent.type(screen.getByLabelText("Selection"), "trades/nope chain/nah{Enter}");
  await screen.findByText(/Unknown assets/);
  expect(screen.getByText(/Unknown assets/).textContent).toBe("Unknown assets: trades/nope, chain/nah");
  expect(screen.getByRole("alert").textContent).toContain("did you mean trades/report?");
  expect(screen.queryByRole("button", { name: /^Materialize/ })).toBeNull();
});

test("a selection holding partitioned assets is refused next to the field with a link to backfill them", async () => {
  const s = server();
  renderApp(`/namespaces/default/assets-materialize?${new URLSearchParams({ selection: "*" })}`);
  const link = await screen.findByRole("link", { name: "Backfill these 2 partitioned assets" });
  expect(link.getAttribute("href")).toBe(
    `/namespaces/default/backfills/new?${new URLSearchParams({ selection: "trades/daily_prices, trades/daily_volume" })}`,
  );
  const input = screen.getByLabelText("Selection");
  expect(input.getAttribute("aria-invalid")).toBe("true");
  const problem = document.getElementById((input.getAttribute("aria-describedby") ?? "").split(" ")[0] ?? "");
  expect(problem?.contains(link)).toBe(true);
  expect(screen.getAllByRole("alert")).toHaveLength(1);
  expect(screen.getByRole("alert").textContent).toContain("holds partitioned assets trades/daily_prices");
  expect(screen.queryByRole("list", { name: "Planned assets" })).toBeNull();
  expect(screen.queryByRole("button", { name: /^Materialize/ })).toBeNull();
  expect(s.to(`${NS}/asset-materializations`)).toHaveLength(0);

  // the launcher reads the selection from the link
  await userEvent.click(link);
  expect(screen.getByTestId("location").textContent).toBe(
    `/namespaces/default/backfills/new?${new URLSearchParams({ selection: "trades/daily_prices, trades/daily_volume" })}`,
  );
  expect((await screen.findByLabelText("Selection") as HTMLInputElement).value).toBe("trades/daily_prices, trades/daily_volume");
});

test("the fault of a problem: a position, the unknown keys, or nothing for other errors", () => {
  const p = (type: string, value: unknown) => new ProblemError({ type: `https://weft.dev/problems/${type}`, title: "t", status: 400, detail: "d", value });
  expect(selectionFault(p("invalid-selection", 3))).toEqual({ kind: "syntax", position: 3, detail: "d" });
  expect(selectionFault(p("invalid-selection", "group:x"))).toEqual({ kind: "other", detail: "d" });
  expect(selectionFault(p("unknown-asset", "a/b, c/d"))).toEqual({ kind: "unknown", keys: ["a/b", "c/d"], detail: "d" });
  const partitioned = new ProblemError({
    type: "https://weft.dev/problems/selection-has-partitioned-assets",
    title: "t",
    status: 400,
    detail: "d",
    field: "selection",
    value: "group:daily",
    partitionedAssetKeys: ["a/b"],
    backfillSelection: "group:daily",
  } as ConstructorParameters<typeof ProblemError>[0]);
  expect(selectionFault(partitioned)).toEqual({ kind: "partitioned", keys: ["a/b"], backfillSelection: "group:daily", detail: "d" });
  expect(selectionFault(p("invalid-parameter", "x"))).toBeNull();
  expect(selectionFault(new Error("offline"))).toBeNull();
});
