import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ProblemMessage } from "../../components/ProblemMessage";
import { Timeline } from "../../components/timeline/Timeline";
import { deriveTimeline } from "../../components/timeline/deriveTimeline";
import type { PendingAttempt } from "../../components/timeline/TimelineRow";
import { EventList } from "./EventList";
import { PendingPanel } from "./PendingPanel";
import { RunActions } from "./RunActions";
import { RunHeader } from "./RunHeader";
import { StackTab } from "./StackTab";
import { resetPoints } from "./resetPoints";
import { runLinks } from "./runLinks";
import type { RunApi, RunKey } from "./runApi";
import { useRunHistory } from "./useRunHistory";
import "./run.css";

/** How often an open run's description is read again (milliseconds). */
export const DESCRIBE_INTERVAL_MS = 1000;

type Tab = "timeline" | "events" | "pending" | "stack";
const TABS: { id: Tab; label: string }[] = [
  { id: "timeline", label: "Timeline" },
  { id: "events", label: "Events" },
  { id: "pending", label: "Pending" },
  { id: "stack", label: "Stack" },
];

interface Props {
  runKey: RunKey;
  runApi: RunApi;
  /** Called with the run ID describe answered (to pin the page to it). */
  onRunKnown: (runId: string) => void;
  runHref: (workflowId: string, runId?: string) => string;
  onNavigate: (to: string) => void;
}

/** The run page's content for one run; live while the run is open. */
export function RunView({ runKey, runApi, onRunKnown, runHref, onNavigate }: Props) {
  const [tab, setTab] = useState<Tab>("timeline");
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const describe = useQuery({
    queryKey: ["run", runKey.namespace, runKey.workflowId, runKey.runId ?? null, "describe"],
    queryFn: () => runApi.describe(),
    refetchInterval: (q) => (q.state.data?.status === "RUNNING" ? DESCRIBE_INTERVAL_MS : false),
    retry: false,
    // pinning the latest run changes the key: keep showing that same run meanwhile
    placeholderData: (previous) => (previous?.runId === runKey.runId ? previous : undefined),
  });
  const d = describe.data;
  useEffect(() => {
    if (d !== undefined && runKey.runId === undefined) onRunKnown(d.runId);
  }, [d, runKey.runId, onRunKnown]);

  const running = d?.status === "RUNNING";
  // the history is read for the pinned run only, so that a new run of the workflow does not mix in
  const pinned = runKey.runId !== undefined;
  const history = useRunHistory(pinned ? runApi.historyAfter : null, d?.historyLength ?? 0, running);
  const result = useQuery({
    queryKey: ["run", runKey.namespace, runKey.workflowId, runKey.runId ?? null, "result"],
    queryFn: () => runApi.result(),
    enabled: d !== undefined && !running,
    retry: false,
  });

  // the tail saw the run close: describe it now rather than at its next refetch
  const { refetch } = describe;
  useEffect(() => {
    if (history.closed) void refetch();
  }, [history.closed, refetch]);

  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), DESCRIBE_INTERVAL_MS);
    return () => clearInterval(t);
  }, [running]);
  // what is derived from the whole history (timeline rows, reset points, links) follows a deferred
  // copy: a new event shows in the list at once, and the derivations (each a pass over every
  // event: tens of milliseconds for 20,000) run in a later render that input can interrupt
  const events = useDeferredValue(history.events);
  // rows are derived once per history change; an open run's timeline only stretches to now
  const derived = useMemo(() => deriveTimeline(events, 0), [events]);
  const timeline = useMemo(
    () => (running && now > derived.end ? { ...derived, end: now } : derived),
    [derived, running, now],
  );
  const points = useMemo(() => resetPoints(events), [events]);
  const links = useMemo(() => runLinks(events, runKey.workflowId), [events, runKey.workflowId]);
  const pending = useMemo(() => {
    const m = new Map<number, PendingAttempt>();
    for (const a of d?.pendingActivities ?? []) {
      m.set(a.seq, {
        attempt: a.attempt,
        lastFailure: a.lastFailure,
        nextAttemptAt: a.nextAttemptAt === undefined ? undefined : Date.parse(a.nextAttemptAt),
      });
    }
    return m;
  }, [d?.pendingActivities]);

  if (describe.isError) {
    return (
      <section className="run" aria-label={`Run ${runKey.workflowId}`}>
        <h1>{runKey.workflowId}</h1>
        <ProblemMessage error={describe.error} />
      </section>
    );
  }
  if (d === undefined) {
    return (
      <section className="run" aria-label={`Run ${runKey.workflowId}`}>
        <h1>{runKey.workflowId}</h1>
        <p className="muted">Loading…</p>
      </section>
    );
  }

  const select = (eventId: number) => {
    setSelected(eventId);
    setTab("events");
  };
  const total = Math.max(d.historyLength, history.events.length);
  return (
    <section className="run" aria-label={`Run ${runKey.workflowId}`}>
      <RunHeader
        description={d}
        started={history.events[0]}
        result={result.data}
        resultError={result.error ?? undefined}
        links={links}
        runHref={runHref}
      />
      <RunActions
        runApi={runApi}
        workflowId={d.workflowId}
        running={running}
        paused={d.pause !== undefined}
        resetPoints={points}
        onDone={() => void describe.refetch()}
        onReset={(newRunId) => onNavigate(runHref(d.workflowId, newRunId))}
      />
      {history.error !== null && <ProblemMessage error={history.error} />}
      {history.loading && (
        <p className="progress" role="status">
          <label>
            Loading history: {history.events.length} of {total} events{" "}
            <progress max={total} value={history.events.length} />
          </label>
        </p>
      )}
      <div className="run-tabs" role="tablist" aria-label="Run views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === "pending" && d.pendingActivities.length + d.pendingTimers.length > 0
              ? ` (${d.pendingActivities.length + d.pendingTimers.length})`
              : ""}
            {t.id === "pending" && d.workflowTaskFailure ? " ⚠" : ""}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === "timeline" && (
          <Timeline timeline={timeline} runHref={runHref} pending={pending} onSelectEvent={select} />
        )}
        {tab === "events" && <EventList events={history.events} selected={selected} />}
        {tab === "pending" && <PendingPanel description={d} onSelectEvent={select} />}
        {tab === "stack" && <StackTab runApi={runApi} runKey={runKey} />}
      </div>
    </section>
  );
}
