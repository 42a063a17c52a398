import { expect, test } from "vitest";
import { checksText } from "./ChecksSummary";
import { catalog, dailyMetrics } from "./assetFixtures";

test("an asset without checks shows a dash, a failed blocking check is named as such", () => {
  const [blocks, rawBlocks] = catalog;
  expect(checksText(blocks!)).toBe("—");
  expect(checksText(rawBlocks!)).toBe("1 failed (1 blocking)");
  expect(checksText(dailyMetrics)).toBe("1 passed");
});

test("checks defined but never run say so, and every outcome is counted", () => {
  const none = { ...dailyMetrics, checks: { passed: 0, failed: 0, blockingFailed: 0, warned: 0 } };
  expect(checksText(none)).toBe("not run yet");
  const mixed = { ...dailyMetrics, definedChecks: 4, checks: { passed: 2, failed: 1, blockingFailed: 0, warned: 1 } };
  expect(checksText(mixed)).toBe("1 failed, 1 warned, 2 passed");
});
