import { render, screen } from "@testing-library/react";
import { LinePlot, linePath } from "./LinePlot";
import { numericSeries } from "./MetadataPlots";
import { historyPage1, historyPage2 } from "./assetFixtures";

test("the path spans the plot from the smallest to the largest value", () => {
  expect(linePath([1, 3, 2], 100, 50)).toBe("M4.0,46.0 L50.0,4.0 L96.0,25.0");
  expect(linePath([5, 5], 100, 50)).toBe("M4.0,25.0 L96.0,25.0");
  expect(linePath([], 100, 50)).toBe("");
});

test("numeric metadata becomes one series per entry, oldest first", () => {
  const series = numericSeries([...historyPage1, ...historyPage2]);
  expect([...series.keys()]).toEqual(["rows", "computeMillis"]);
  expect(series.get("rows")?.map((p) => p.value)).toEqual([7, 12]);
  expect(series.get("computeMillis")?.map((p) => p.value)).toEqual([9, 4]);
});

test("the chart is an image with a title summarizing its values, and the values in a table", () => {
  render(
    <LinePlot
      name="rows"
      points={[
        { at: "2026-12-06T09:00:00Z", value: 7 },
        { at: "2026-12-06T10:00:00Z", value: 12 },
      ]}
    />,
  );
  const img = screen.getByRole("img", { name: "rows: 2 values from 7 to 12, latest 12" });
  expect(img.querySelector("path")?.getAttribute("d")).toBe(linePath([7, 12], 220, 60));
  const table = screen.getByRole("table");
  expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
  expect(table.querySelector("tbody tr td.num")?.textContent).toBe("7");
});
