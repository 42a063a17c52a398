package dev.weft.schedules.internal;

import dev.weft.common.RetryPolicy;
import dev.weft.failure.ActivityFailure;
import dev.weft.schedules.FiringOutcome;
import dev.weft.schedules.OverlapPolicy;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.schedules.ScheduleFiring;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.TriggerOutcome;
import dev.weft.schedules.TriggerResult;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@link ScheduleWorkflow}. Each turn of its loop handles the signalled commands (trigger,
 * backfill), then every nominal fire time from the last one handled up to now, then the buffered
 * firings, and sleeps on a durable timer until the next (jittered) fire time or a signal.
 *
 * <ul>
 *   <li>A fire time handled later than the catch-up window after it (the engine was down) is
 *       recorded as SKIPPED, as is one that comes while the schedule is paused (Temporal records
 *       nothing for a paused schedule; recording the skip shows that a firing did not run and why).
 *       Trigger and backfill run while paused, and backfill ignores the catch-up window.
 *   <li>The overlap policy applies to actions that start a run (start, materialize). Whether the
 *       runs the schedule started still run is read by an activity ({@link
 *       RunControlActivities#openRuns}) when a firing needs it, and every {@link #POLL} while
 *       firings are buffered: the simplest correct way, with no long-running activity to keep
 *       alive.
 *   <li>The run continues as new after {@link #CONTINUE_AS_NEW_AFTER} actions, carrying its state,
 *       so its history stays small.
 * </ul>
 */
public final class ScheduleRun implements ScheduleWorkflow {
  /** How often buffered firings check whether the running runs closed. */
  static final Duration POLL = Duration.ofSeconds(30);

  /** Actions run by one run of the workflow before it continues as new. */
  static final int CONTINUE_AS_NEW_AFTER = 100;

  /** The most fire times handled in one turn (a long outage of a frequent schedule). */
  private static final int MAX_PER_TURN = 1000;

  private TriggerActivities triggers;
  private RunControlActivities runs;

  private ScheduleDefinition definition;
  private Instant lastProcessed;
  private FiringLog log;
  private final Deque<ScheduleState.Pending> buffered = new ArrayDeque<>();
  private final List<String> running = new ArrayList<>();
  private final Deque<Command> commands = new ArrayDeque<>();
  private boolean changed;
  private boolean deleted;
  private int actions;

  private sealed interface Command {}

  private record Trigger(Instant at) implements Command {}

  private record Backfill(Instant from, Instant to, OverlapPolicy policy) implements Command {}

  @Override
  public void run(ScheduleState state) {
    triggers =
        TriggerStubs.stub(
            TriggerActivities.class,
            TriggerActivities.START_TO_CLOSE,
            RetryPolicy.newBuilder().maximumAttempts(10).build());
    runs =
        TriggerStubs.stub(RunControlActivities.class, Duration.ofMinutes(1), RetryPolicy.DEFAULT);
    definition = state.definition();
    lastProcessed = state.lastProcessed() == null ? Workflow.now() : state.lastProcessed();
    log = new FiringLog(state.recentFirings(), state.started(), state.skipped(), state.failed());
    buffered.addAll(state.buffered());
    running.addAll(state.running());
    while (!deleted) {
      changed = false;
      while (!commands.isEmpty()) {
        handle(commands.removeFirst());
      }
      boolean more = fireDue(Workflow.now());
      drainBuffer();
      if (deleted) {
        return;
      }
      if (commands.isEmpty()
          && (actions >= CONTINUE_AS_NEW_AFTER || Workflow.getInfo().isContinueAsNewSuggested())) {
        Workflow.continueAsNew(snapshot());
        return;
      }
      if (more) {
        continue;
      }
      Optional<Duration> wait = untilWake(Workflow.now());
      if (wait.isEmpty()) {
        Workflow.await(() -> changed);
      } else if (wait.get().isPositive()) {
        Workflow.await(wait.get(), () -> changed);
      }
    }
  }

  private void handle(Command command) {
    switch (command) {
      case Trigger t -> fire(t.at(), t.at(), definition.overlapPolicy(), true);
      case Backfill b -> {
        Instant from = b.from();
        List<Instant> times;
        do {
          times = definition.spec().between(from, b.to(), MAX_PER_TURN);
          for (Instant nominal : times) {
            fire(nominal, Workflow.now(), b.policy(), true);
            from = nominal;
          }
        } while (times.size() == MAX_PER_TURN);
      }
    }
  }

  /** Handles the due fire times; returns whether more are due than one turn handles. */
  private boolean fireDue(Instant now) {
    for (int n = 0; n < MAX_PER_TURN; n++) {
      Optional<Instant> next = definition.spec().nextAfter(lastProcessed);
      if (next.isEmpty() || definition.spec().jittered(definition.id(), next.get()).isAfter(now)) {
        return false;
      }
      fire(next.get(), now, definition.overlapPolicy(), false);
      lastProcessed = next.get();
    }
    return true;
  }

  private Optional<Duration> untilWake(Instant now) {
    Optional<Duration> untilNext =
        definition
            .spec()
            .nextAfter(lastProcessed)
            .map(n -> Duration.between(now, definition.spec().jittered(definition.id(), n)));
    if (buffered.isEmpty()) {
      return untilNext;
    }
    return Optional.of(untilNext.filter(d -> d.compareTo(POLL) < 0).orElse(POLL));
  }

  private void fire(Instant nominal, Instant now, OverlapPolicy policy, boolean manual) {
    String derivedId = derivedId(nominal);
    Duration late = Duration.between(definition.spec().jittered(definition.id(), nominal), now);
    if (!manual && late.compareTo(definition.catchUpWindow()) > 0) {
      skip(
          nominal,
          now,
          "missed by "
              + late.truncatedTo(ChronoUnit.SECONDS)
              + ", catch-up window "
              + definition.catchUpWindow());
      return;
    }
    if (!manual && definition.paused()) {
      skip(nominal, now, "paused" + (definition.note() == null ? "" : ": " + definition.note()));
      return;
    }
    if (!(definition.action() instanceof TriggerAction.SignalWorkflow)
        && policy != OverlapPolicy.ALLOW_ALL
        && !running.isEmpty()) {
      refreshRunning();
    }
    if (!buffered.isEmpty() && policy != OverlapPolicy.ALLOW_ALL) {
      // firings that waited go first: the new one may not overtake them
      drainBuffer();
    }
    if (running.isEmpty()
        || policy == OverlapPolicy.ALLOW_ALL
        || definition.action() instanceof TriggerAction.SignalWorkflow) {
      start(nominal, now, policy);
      return;
    }
    switch (policy) {
      case SKIP -> skip(nominal, now, "overlap: " + String.join(", ", running) + " still running");
      case BUFFER_ONE -> bufferOne(nominal, now);
      case BUFFER_ALL -> buffer(nominal, now);
      case CANCEL_OTHER -> {
        runs.cancel(List.copyOf(running), "schedule " + definition.id() + " fired at " + nominal);
        bufferOne(nominal, now);
      }
      case TERMINATE_OTHER -> {
        runs.terminate(
            List.copyOf(running), "schedule " + definition.id() + " fired at " + nominal);
        running.clear();
        start(nominal, now, policy);
      }
      case ALLOW_ALL -> start(nominal, now, policy);
    }
  }

  private void bufferOne(Instant nominal, Instant now) {
    if (buffered.isEmpty()) {
      buffer(nominal, now);
    } else {
      skip(nominal, now, "overlap: a firing is buffered already");
    }
  }

  private void buffer(Instant nominal, Instant now) {
    buffered.addLast(new ScheduleState.Pending(nominal, now));
    log.record(new ScheduleFiring(nominal, now, derivedId(nominal), FiringOutcome.BUFFERED, null));
  }

  private void drainBuffer() {
    while (!buffered.isEmpty()) {
      if (!running.isEmpty()) {
        refreshRunning();
      }
      if (!running.isEmpty()) {
        return;
      }
      ScheduleState.Pending next = buffered.removeFirst();
      start(next.nominal(), Workflow.now(), definition.overlapPolicy());
    }
  }

  private void refreshRunning() {
    List<String> open = runs.openRuns(List.copyOf(running));
    running.retainAll(open);
  }

  private void start(Instant nominal, Instant now, OverlapPolicy policy) {
    String derivedId = derivedId(nominal);
    actions++;
    try {
      TriggerResult result = triggers.run(definition.action(), derivedId, nominal);
      if (result.outcome() != TriggerOutcome.SIGNALED && policy != OverlapPolicy.ALLOW_ALL) {
        running.add(result.workflowId());
      }
      String reason =
          result.outcome() == TriggerOutcome.ALREADY_STARTED
              ? "already started (run " + result.runId() + ")"
              : null;
      log.record(
          new ScheduleFiring(nominal, now, result.workflowId(), FiringOutcome.STARTED, reason));
    } catch (ActivityFailure failure) {
      Throwable cause = failure.getCause() == null ? failure : failure.getCause();
      log.record(
          new ScheduleFiring(nominal, now, derivedId, FiringOutcome.FAILED, cause.getMessage()));
    }
  }

  private void skip(Instant nominal, Instant now, String reason) {
    log.record(new ScheduleFiring(nominal, now, derivedId(nominal), FiringOutcome.SKIPPED, reason));
  }

  private String derivedId(Instant nominal) {
    return definition.id() + "@" + nominal;
  }

  private ScheduleState snapshot() {
    return new ScheduleState(
        definition,
        lastProcessed,
        log.recent(),
        List.copyOf(buffered),
        List.copyOf(running),
        log.started(),
        log.skipped(),
        log.failed());
  }

  @Override
  public void update(ScheduleDefinition definition) {
    this.definition = definition;
    changed = true;
  }

  @Override
  public void pause(String note) {
    definition = definition.withPaused(true, note);
    changed = true;
  }

  @Override
  public void unpause(String note) {
    definition = definition.withPaused(false, note);
    changed = true;
  }

  @Override
  public void trigger() {
    commands.addLast(new Trigger(Workflow.now()));
    changed = true;
  }

  @Override
  public void backfill(Instant from, Instant to, OverlapPolicy policy) {
    commands.addLast(new Backfill(from, to, policy == null ? definition.overlapPolicy() : policy));
    changed = true;
  }

  @Override
  public void delete() {
    deleted = true;
    changed = true;
  }

  @Override
  public ScheduleDescription describe(int n) {
    return new ScheduleDescription(
        definition,
        definition.spec().next(lastProcessed, n),
        log.recent(),
        buffered.stream().map(ScheduleState.Pending::nominal).toList(),
        List.copyOf(running),
        log.started(),
        log.skipped(),
        log.failed());
  }
}
