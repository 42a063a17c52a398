import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { ROW_HEIGHT, RunsTable, type WorkflowSummary } from "./RunsTable";
import { stubLayout } from "../../testing/fakeServer";

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(1280, 600);
});
afterEach(() => restoreLayout());

function runs(n: number): WorkflowSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    workflowId: `wf-${i}`,
    runId: `r-${i}`,
    workflowType: "T",
    taskQueue: "q",
    status: "COMPLETED" as const,
    startTime: "2026-12-06T10:00:00Z",
    closeTime: "2026-12-06T10:00:01Z",
  }));
}

test("renders far fewer rows than it holds, and the rows of where it is scrolled", () => {
  const onLoadMore = vi.fn();
  render(
    <MemoryRouter>
      <RunsTable namespace="default" runs={runs(10_000)} hasMore={false} loadingMore={false} onLoadMore={onLoadMore} />
    </MemoryRouter>,
  );
  const rendered = () => screen.getAllByRole("row").length - 1; // minus the header row
  expect(rendered()).toBeGreaterThan(0);
  expect(rendered()).toBeLessThan(60);
  expect(screen.getByRole("link", { name: "wf-0" })).toBeTruthy();
  expect(screen.queryByRole("link", { name: "wf-5000" })).toBeNull();

  const scroller = screen.getByLabelText("Runs, scrollable");
  scroller.scrollTop = 5000 * ROW_HEIGHT;
  fireEvent.scroll(scroller);

  expect(screen.getByRole("link", { name: "wf-5000" })).toBeTruthy();
  expect(screen.queryByRole("link", { name: "wf-0" })).toBeNull();
  expect(rendered()).toBeLessThan(60);
  expect(onLoadMore).not.toHaveBeenCalled();
  expect(screen.getByRole("table", { name: "Runs" }).getAttribute("aria-rowcount")).toBe("10001");
});

test("scrolling near the end loads the next page; the button does too; no total while more remain", () => {
  const onLoadMore = vi.fn();
  const { rerender } = render(
    <MemoryRouter>
      <RunsTable namespace="default" runs={runs(300)} hasMore loadingMore={false} onLoadMore={onLoadMore} />
    </MemoryRouter>,
  );
  expect(onLoadMore).not.toHaveBeenCalled();
  expect(screen.getByRole("table", { name: "Runs" }).getAttribute("aria-rowcount")).toBe("-1");

  const scroller = screen.getByLabelText("Runs, scrollable");
  scroller.scrollTop = 300 * ROW_HEIGHT - 600;
  fireEvent.scroll(scroller);
  expect(onLoadMore).toHaveBeenCalledTimes(1);

  fireEvent.click(screen.getByRole("button", { name: "Load more" }));
  expect(onLoadMore).toHaveBeenCalledTimes(2);

  rerender(
    <MemoryRouter>
      <RunsTable namespace="default" runs={runs(300)} hasMore loadingMore onLoadMore={onLoadMore} />
    </MemoryRouter>,
  );
  const button = screen.getByRole("button", { name: "Loading…" }) as HTMLButtonElement;
  expect(button.disabled).toBe(true);
});
