import { applyFilter, countByStatus, filterOf, groupsOf, paramsOf } from "./catalogFilter";
import { catalog } from "./assetFixtures";

test("the filter reads from and writes to the URL, ignoring an unknown status", () => {
  const f = filterOf(new URLSearchParams("q=raw&group=chain&status=FAILED"));
  expect(f).toEqual({ text: "raw", group: "chain", status: "FAILED" });
  expect(paramsOf(f)).toEqual({ q: "raw", group: "chain", status: "FAILED" });
  expect(filterOf(new URLSearchParams("status=OLD")).status).toBeNull();
  expect(paramsOf({ text: "", group: "", status: null })).toEqual({});
});

test("text matches the key case-insensitively, with group and status", () => {
  const keys = (q: string) => applyFilter(catalog, filterOf(new URLSearchParams(q))).map((a) => a.assetKey);
  expect(keys("q=RAW")).toEqual(["chain/raw_blocks", "trades/raw_trades"]);
  expect(keys("q=raw&group=trades")).toEqual(["trades/raw_trades"]);
  expect(keys("status=STALE")).toEqual(["trades/daily_metrics"]);
  expect(keys("")).toHaveLength(4);
});

test("counts by status follow the text and group, not the status", () => {
  const counts = countByStatus(catalog, { text: "", group: "trades", status: "FRESH" });
  expect(Object.fromEntries(counts)).toEqual({ FRESH: 0, STALE: 1, MISSING: 1, FAILED: 0 });
  expect(groupsOf(catalog)).toEqual(["chain", "trades"]);
});
