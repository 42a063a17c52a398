import { fireEvent, render, screen } from "@testing-library/react";
import { EventList } from "./EventList";
import { bigHistory } from "../../components/timeline/testHistory";
import { withViewport } from "../../components/timeline/testViewport";

withViewport(1000, 400);

test("a 20,000-event history renders a window of rows, compact and JSON", () => {
  const events = bigHistory(20_000);
  const { container } = render(<EventList events={events} />);
  const compact = container.querySelectorAll(".event-row").length;
  expect(compact).toBeGreaterThan(5);
  expect(compact).toBeLessThan(60);
  expect(screen.getByText("20000 events")).toBeTruthy();
  expect(screen.getByText("WorkflowStarted")).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "Raw JSON" }));
  expect(container.querySelectorAll(".event-row").length).toBeLessThan(60);
  const first = screen.getAllByRole("button", { expanded: false })[0]!;
  fireEvent.click(first);
  expect(container.querySelector(".event-json")?.textContent).toContain('"type": "WorkflowStarted"');
});
