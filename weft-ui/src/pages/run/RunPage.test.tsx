import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, Route, Routes } from "react-router";
import { RunPage } from "./RunPage";
import type { RunApi, RunKey, WorkflowDescription } from "./runApi";
import type { FetchAfter, HistoryPage } from "./historyLoader";
import { ProblemError } from "../../api/problem";
import { HistoryBuilder } from "../../components/timeline/testHistory";
import axe from "axe-core";
import { withViewport } from "../../components/timeline/testViewport";
import type { HistoryEvent } from "../../components/timeline/history";

withViewport(1200, 500);

const S = HistoryBuilder.START;

function history(): HistoryEvent[] {
  return new HistoryBuilder()
    .add(0, "WorkflowStarted", { workflowType: "Approval", workflowId: "appr-1", taskQueue: "q", input: { json: ["exp-2001"] } })
    .add(5, "WorkflowTaskCompleted", { worker: "n1" }) // 2: reset point
    .add(5, "StartChildWorkflowInitiated", { seq: 1, workflowType: "Notify", workflowId: "notify-1", runId: "c1" })
    .add(10, "WorkflowTaskCompleted", { worker: "n1" }) // 4: child open, not a reset point
    .add(20, "ChildWorkflowClosed", { seq: 1, workflowId: "notify-1", runId: "c1", status: "COMPLETED" })
    .add(25, "WorkflowTaskCompleted", { worker: "n1" }) // 6: reset point
    .add(25, "ActivityScheduled", { seq: 2, activityType: "Charge", taskQueue: "q" })
    .build();
}

function description(over: Partial<WorkflowDescription> = {}): WorkflowDescription {
  return {
    workflowId: "appr-1",
    runId: "r1",
    workflowType: "Approval",
    taskQueue: "q",
    status: "RUNNING",
    startTime: new Date(S).toISOString(),
    historyLength: 7,
    historyBytes: 900,
    pendingActivities: [
      { seq: 2, activityType: "Charge", taskQueue: "q", attempt: 3, running: false, lastFailure: "Declined: no money", nextAttemptAt: new Date(S + 9000).toISOString(), stallReason: "no worker polls q" },
    ],
    pendingTimers: [],
    workflowTaskAttempt: 1,
    searchAttributes: {},
    memo: {},
    ...over,
  };
}

class FakeServer {
  events = history();
  desc = description();
  signals: string[] = [];
  signalGate: Promise<void> | null = null;
  stackAnswer: () => Promise<unknown> = async () => "at Approval.run(Approval.java:12)";
  keys: RunKey[] = [];

  historyPage = async (token: string | undefined, pageSize: number): Promise<HistoryPage> => {
    const from = token === undefined ? 1 : Number(token);
    const page = this.events.filter((e) => e.eventId >= from).slice(0, pageSize);
    const next = page.length === 0 ? from : page[page.length - 1]!.eventId + 1;
    return {
      workflowId: "appr-1",
      runId: "r1",
      events: page,
      nextEventId: next,
      ...(this.events.length >= next ? { nextPageToken: String(next) } : {}),
    };
  };

  /** The long poll: answers when there are events after the position, or empty after a while. */
  historyAfter: FetchAfter = async (afterEventId, pageSize, wait, signal) => {
    for (let waited = 0; wait && waited < 2000 && !signal?.aborted; waited += 20) {
      if (this.events.some((e) => e.eventId > afterEventId)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.historyPage(String(afterEventId + 1), pageSize);
  };

  readonly api = (key: RunKey): RunApi => {
    this.keys.push(key);
    return {
      describe: async () => this.desc,
      historyAfter: this.historyAfter,
      result: async () => ({ workflowId: "appr-1", status: this.desc.status }),
      signal: async (name) => {
        this.signals.push(name);
        if (this.signalGate !== null) await this.signalGate;
      },
      query: () => this.stackAnswer(),
      update: async () => null,
      cancel: async () => {},
      terminate: async () => {},
      pause: async () => {},
      resume: async () => {},
      reset: async () => "r2",
    };
  };
}

/** Waits until the history's first page is on the timeline (a loaded machine may take seconds). */
function loaded() {
  return screen.findByRole("button", { name: /Activity Charge/ }, { timeout: 5000 });
}

function renderPage(server: FakeServer) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={["/namespaces/default/workflows/appr-1"]}>
        <Routes>
          <Route path="/namespaces/:namespace/workflows/:workflowId" element={<RunPage api={server.api} />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

test("the header, the timeline and the pending activity show; the page pins the run it found", async () => {
  const server = new FakeServer();
  renderPage(server);
  expect(await screen.findByText("r1")).toBeTruthy();
  expect(screen.getByRole("heading", { name: "appr-1" })).toBeTruthy();
  expect(await loaded()).toBeTruthy();
  // the related-runs list and the child's bar on the timeline
  const links = screen.getAllByRole("link", { name: /notify-1/ });
  expect(links.length).toBe(2);
  for (const l of links) expect(l.getAttribute("href")).toBe("/namespaces/default/workflows/notify-1?runId=c1");
  expect(server.keys.some((k) => k.runId === "r1")).toBe(true);
  await userEvent.click(screen.getByRole("tab", { name: /Pending/ }));
  expect(screen.getByText("Declined: no money")).toBeTruthy();
  expect(screen.getByText("no worker polls q")).toBeTruthy();
});

test("a new event of an open run shows as soon as the long poll answers", async () => {
  const server = new FakeServer();
  renderPage(server);
  await loaded();
  await userEvent.click(screen.getByRole("tab", { name: "Events" }));
  expect(screen.queryByText("ActivityCompleted")).toBeNull();
  server.events.push(
    ...new HistoryBuilder().add(40, "ActivityCompleted", { seq: 2, result: { json: 1 }, attempt: 3 }).build().map((e) => ({ ...e, eventId: 8 })),
  );
  const pushed = performance.now();
  expect(await screen.findByText("ActivityCompleted", {}, { timeout: 2500 })).toBeTruthy();
  expect(performance.now() - pushed).toBeLessThan(1000);
});

test("an action's buttons are disabled while its request runs", async () => {
  const server = new FakeServer();
  let release: () => void = () => {};
  server.signalGate = new Promise<void>((r) => {
    release = r;
  });
  renderPage(server);
  await userEvent.click(await screen.findByRole("button", { name: "Signal" }));
  const dialog = screen.getByRole("dialog", { name: "Signal appr-1" });
  await userEvent.type(within(dialog).getByLabelText("Signal name"), "approve");
  await userEvent.type(within(dialog).getByLabelText("Arguments (JSON array)"), '[["yes"'); // "[[" types a "["
  const submit = dialog.querySelector("button[type=submit]") as HTMLButtonElement;
  expect(submit.disabled).toBe(true); // not JSON yet
  await userEvent.type(within(dialog).getByLabelText("Arguments (JSON array)"), "]");
  expect(submit.disabled).toBe(false);
  await userEvent.click(submit);
  await waitFor(() => expect(submit.disabled).toBe(true));
  await userEvent.click(submit);
  expect(server.signals).toEqual(["approve"]);
  release();
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(server.signals).toEqual(["approve"]);
});

test("the reset picker offers only the points the server accepts", async () => {
  const server = new FakeServer();
  renderPage(server);
  await loaded();
  await userEvent.click(screen.getByRole("button", { name: "Reset" }));
  const dialog = screen.getByRole("dialog", { name: "Reset appr-1" });
  const options = within(dialog).getAllByRole("option").map((o) => (o as HTMLOptionElement).value);
  expect(options).toEqual(["6", "2"]);
});

test("the stack tab shows the answer, or the server's message for an unknown query", async () => {
  const server = new FakeServer();
  renderPage(server);
  await userEvent.click(await screen.findByRole("tab", { name: "Stack" }));
  expect(await screen.findByText("at Approval.run(Approval.java:12)")).toBeTruthy();

  server.stackAnswer = async () => {
    throw new ProblemError({ type: "https://weft.dev/problems/unknown-query", title: "Unknown query", status: 400, detail: "workflow Approval has no query '__stack_trace'" });
  };
  await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
  expect(await screen.findByText("workflow Approval has no query '__stack_trace'")).toBeTruthy();
});

test("a non-determinism failure shows both sides", async () => {
  const server = new FakeServer();
  server.desc = description({
    workflowTaskAttempt: 4,
    workflowTaskFailure: "dev.weft.failure.NonDeterminismException: the wording of this text may change\n\tat x",
    nonDeterminism: {
      eventId: 7,
      codeAskedFor: "TimerStarted(seq 2)",
      historyHas: "ActivityScheduled(seq 2, activity type 'Charge')",
    },
  });
  renderPage(server);
  await userEvent.click(await screen.findByRole("tab", { name: /Pending/ }));
  expect(screen.getByText("Non-determinism (attempt 4)")).toBeTruthy();
  expect(screen.getByText("ActivityScheduled(seq 2, activity type 'Charge')").previousSibling?.textContent).toBe(
    "Expected (the history has)",
  );
  expect(screen.getByText("TimerStarted(seq 2)").previousSibling?.textContent).toBe("Actual (the code asked for)");
  expect(screen.getByRole("button", { name: "7" })).toBeTruthy();
});

test("a failure's text alone is not read as non-determinism (describe's member says so)", async () => {
  const server = new FakeServer();
  server.desc = description({
    workflowTaskAttempt: 2,
    workflowTaskFailure:
      "dev.weft.failure.NonDeterminismException: non-deterministic workflow code in run r1 at history event 7: the code asked for TimerStarted(seq 2), but the history has ActivityScheduled(seq 2, activity type 'Charge')",
  });
  renderPage(server);
  await userEvent.click(await screen.findByRole("tab", { name: /Pending/ }));
  expect(screen.getByText("Workflow task failing (attempt 2)")).toBeTruthy();
  expect(screen.queryByText("Expected (the history has)")).toBeNull();
});

test("every tab passes axe (jsdom: no colour contrast)", async () => {
  const server = new FakeServer();
  const { container } = renderPage(server);
  await loaded();
  for (const tab of ["Timeline", "Events", "Pending", "Stack"]) {
    await userEvent.click(screen.getByRole("tab", { name: new RegExp(tab) }));
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${tab}: ${v.id} ${v.nodes.map((n) => n.html).join(" ")}`)).toEqual([]);
  }
}, 30_000);
