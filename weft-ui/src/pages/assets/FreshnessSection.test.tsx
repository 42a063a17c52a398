import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeServer, json, problem } from "../../testing/fakeServer";
import { renderApp } from "../../testing/renderApp";
import { assetRoutes, freshnessViolations } from "./assetFixtures";
import type { FreshnessViolation } from "./freshnessApi";

afterEach(() => {
  vi.unstubAllGlobals();
});

const ASSET = "/api/v1/namespaces/default/assets/trades%2Fdaily_metrics";

const open: FreshnessViolation = {
  id: 7,
  assetKey: "trades/daily_metrics",
  partition: "",
  policy: "maxLag=PT1H",
  deadline: "2026-12-06T11:00:00Z",
  lastMaterializedAt: "2026-12-06T10:00:00Z",
  recordedAt: "2026-12-06T11:00:00Z",
};

function section(): HTMLElement {
  const heading = screen.getByRole("heading", { name: "Freshness" });
  return heading.nextElementSibling as HTMLElement;
}

test("a violated asset shows its policy, since when, the open violation and older ones on demand", async () => {
  let release: () => void = () => {};
  const older = new Promise<void>((r) => {
    release = r;
  });
  const server = fakeServer(async (url, request) => {
    if (url.pathname === `${ASSET}/freshness`) {
      return json({
        assetKey: "trades/daily_metrics",
        status: "VIOLATED",
        policy: { kind: "MAX_LAG", maxLag: "PT1H", registeredAt: "2026-12-06T08:00:00Z" },
        violatedSince: "2026-12-06T11:00:00Z",
        lastMaterializedAt: "2026-12-06T10:00:00Z",
        openViolation: open,
      });
    }
    if (url.pathname === `${ASSET}/freshness/violations`) {
      if (url.searchParams.get("pageToken") === "v7") {
        await older;
        return json({ violations: freshnessViolations });
      }
      return json({ violations: [open], nextPageToken: "v7" });
    }
    return assetRoutes(url, request) ?? json({});
  });
  renderApp("/namespaces/default/assets/trades/daily_metrics");

  const table = await screen.findByRole("table", { name: "Freshness violations" });
  const s = section();
  expect(s.textContent).toContain("Latest materialization at most PT1H old");
  expect(s.textContent).toContain("Violated since");
  const since = within(s).getAllByTitle("2026-12-06 11:00:00.000 UTC");
  expect(since.length).toBeGreaterThan(0);
  let rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(1);
  expect(within(rows[0] as HTMLElement).getAllByRole("cell").map((c) => c.textContent)[1]).toBe("Open");
  const firstPage = new URL(server.to(`${ASSET}/freshness/violations`)[0]?.url ?? "http://x/");
  expect(firstPage.searchParams.get("pageSize")).toBe("10");

  const more = screen.getByRole("button", { name: "Load older violations" });
  await userEvent.click(more);
  await waitFor(() => expect(more.hasAttribute("disabled")).toBe(true));
  release();
  await waitFor(() => {
    rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
  });
  const cells = within(rows[1] as HTMLElement).getAllByRole("cell");
  expect(cells[2]?.textContent).toContain("Materialized");
  expect(within(cells[2] as HTMLElement).getByRole("link", { name: "Run run-2" })).toBeTruthy();
  expect(cells[4]?.textContent).toBe("maxLag=PT1H");
  expect(screen.queryByRole("button", { name: "Load older violations" })).toBeNull();
});

test("a fresh asset shows until when; an asset without a policy says so; an error shows the problem", async () => {
  let mode: "fresh" | "none" | "error" = "fresh";
  fakeServer((url, request) => {
    if (url.pathname === `${ASSET}/freshness`) {
      if (mode === "none") return json({ assetKey: "trades/daily_metrics", status: "NO_POLICY" });
      if (mode === "error") {
        return problem(404, "asset-not-found", "Not found", "asset trades/daily_metrics is not in the graph");
      }
    }
    return assetRoutes(url, request) ?? json({});
  });
  const first = renderApp("/namespaces/default/assets/trades/daily_metrics");
  await waitFor(() => expect(section().textContent).toContain("Fresh until"));
  expect(within(section()).getAllByTitle("2026-12-06 10:00:01.000 UTC").length).toBeGreaterThan(0);
  const rows = within(await screen.findByRole("table", { name: "Freshness violations" })).getAllByRole("row");
  expect(rows[1]?.textContent).toContain("Materialized");
  first.unmount();

  mode = "none";
  const second = renderApp("/namespaces/default/assets/trades/daily_metrics");
  await waitFor(() => expect(section().textContent).toBe("No freshness policy."));
  second.unmount();

  mode = "error";
  renderApp("/namespaces/default/assets/trades/daily_metrics");
  await waitFor(() => expect(section().textContent).toContain("asset trades/daily_metrics is not in the graph"));
});

test("a partitioned asset names its late partitions", async () => {
  const late: FreshnessViolation = {
    ...open,
    partition: "2026-12-05",
    policy: "partitionDeadline=02:00",
    deadline: "2026-12-06T02:00:00Z",
    recordedAt: "2026-12-06T02:00:00Z",
  };
  fakeServer(async (url, request) => {
    if (url.pathname === `${ASSET}/freshness`) {
      return json({
        assetKey: "trades/daily_metrics",
        status: "VIOLATED",
        policy: { kind: "PARTITION_DEADLINE", deadline: "02:00", registeredAt: "2026-12-01T08:00:00Z" },
        violatedSince: "2026-12-06T02:00:00Z",
        openViolation: late,
        latePartitions: ["2026-12-05", "2026-12-06"],
      });
    }
    if (url.pathname === `${ASSET}/freshness/violations`) {
      return json({ violations: [late] });
    }
    return assetRoutes(url, request) ?? json({});
  });
  renderApp("/namespaces/default/assets/trades/daily_metrics");

  await screen.findByRole("table", { name: "Freshness violations" });
  const s = section();
  expect(s.textContent).toContain("Each time partition by 02:00 after its window ends");
  expect(s.textContent).toContain("Late partitions (2): 2026-12-05, 2026-12-06");
});
