import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { Timeline } from "./Timeline";
import { deriveTimeline } from "./deriveTimeline";
import { HistoryBuilder, bigHistory } from "./testHistory";
import { withViewport } from "./testViewport";

withViewport(1000, 400);

const href = (w: string, r?: string) => `/namespaces/default/workflows/${w}${r ? `?runId=${r}` : ""}`;

test("a 20,000-event history renders only the rows in view", () => {
  const timeline = deriveTimeline(bigHistory(20_000), HistoryBuilder.START);
  const began = performance.now();
  const { container } = render(
    <MemoryRouter>
      <Timeline timeline={timeline} runHref={href} />
    </MemoryRouter>,
  );
  const rendered = container.querySelectorAll(".timeline-row").length;
  expect(timeline.rows.length).toBe(6666);
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  expect(performance.now() - began).toBeLessThan(1000);
});

test("children link to their run; zoom buttons change and reset the range", () => {
  const h = new HistoryBuilder()
    .add(0, "WorkflowStarted", {})
    .add(10, "WorkflowTaskCompleted", {})
    .add(10, "StartChildWorkflowInitiated", { seq: 1, workflowType: "Ship", workflowId: "ship-1", runId: "r1" })
    .add(1000, "ChildWorkflowClosed", { seq: 1, workflowId: "ship-1", runId: "r2", status: "COMPLETED" })
    .add(2000, "SignalReceived", { signalName: "go" })
    .build();
  render(
    <MemoryRouter>
      <Timeline timeline={deriveTimeline(h, HistoryBuilder.START + 4000)} runHref={href} />
    </MemoryRouter>,
  );
  expect(screen.getByRole("link", { name: /ship-1/ }).getAttribute("href")).toBe(
    "/namespaces/default/workflows/ship-1?runId=r2",
  );
  expect(screen.getByText(/showing 4\.0s of 4\.0s/)).toBeTruthy();
  const reset = screen.getByRole("button", { name: "Reset zoom" }) as HTMLButtonElement;
  expect(reset.disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "Zoom in" }));
  expect(screen.getByText(/showing 2\.0s of 4\.0s/)).toBeTruthy();
  expect(reset.disabled).toBe(false);
  fireEvent.click(reset);
  expect(screen.getByText(/showing 4\.0s of 4\.0s/)).toBeTruthy();
});

test("dragging over the axis zooms to the dragged range", () => {
  const h = new HistoryBuilder().add(0, "WorkflowStarted", {}).add(1000, "WorkflowTaskCompleted", {}).build();
  render(
    <MemoryRouter>
      <Timeline timeline={deriveTimeline(h, HistoryBuilder.START + 1000)} runHref={href} />
    </MemoryRouter>,
  );
  const axis = screen.getByTestId("timeline-axis");
  fireEvent.pointerDown(axis, { clientX: 250 });
  fireEvent.pointerMove(axis, { clientX: 500 });
  fireEvent.pointerUp(axis, { clientX: 500 });
  expect(screen.getByText(/showing 250ms of 1\.0s/)).toBeTruthy();
});
