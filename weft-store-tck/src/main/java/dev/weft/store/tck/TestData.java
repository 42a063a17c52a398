package dev.weft.store.tck;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ClaimRequest;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.TaskScheduling;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builders for the records the contract tests write, with defaults so that a test names only what
 * it is about.
 */
public final class TestData {
  /** The fixed time every test starts from. */
  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** The namespace of runs unless a test sets another. */
  public static final String NAMESPACE = "default";

  /** The task queue of runs and tasks unless a test sets another. */
  public static final String QUEUE = "main";

  private TestData() {}

  /** Returns UTF-8 bytes of a string, for opaque payloads. */
  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a builder of a running run with workflow ID {@code wf-<runId>}, started at T0. */
  public static RunBuilder run(String runId) {
    return new RunBuilder(runId);
  }

  /** Returns an event with the given ID and data, recorded {@code eventId} seconds after T0. */
  public static EventRecord event(long eventId, String data) {
    return new EventRecord(eventId, "Event" + eventId, T0.plusSeconds(eventId), bytes(data));
  }

  /** Returns {@code count} events with IDs from {@code firstEventId}, each with data "event-N". */
  public static List<EventRecord> events(long firstEventId, int count) {
    List<EventRecord> events = new ArrayList<>(count);
    for (long id = firstEventId; id < firstEventId + count; id++) {
      events.add(event(id, "event-" + id));
    }
    return events;
  }

  /** Returns a builder of an activity task of a run, on {@link #QUEUE}, visible at T0. */
  public static ActivityBuilder activity(String runId, long seq) {
    return new ActivityBuilder(runId, seq);
  }

  /** Returns a timer. */
  public static TimerRecord timer(String runId, long seq, Instant fireAt) {
    return new TimerRecord(runId, seq, fireAt);
  }

  /** Returns a claim of up to {@code maxTasks} tasks on {@link #QUEUE}. */
  public static ClaimRequest claim(
      String owner, long leaseToken, int maxTasks, Instant now, Duration lease) {
    return new ClaimRequest(QUEUE, owner, leaseToken, maxTasks, now, lease);
  }

  /** Builds a {@link RunRecord} of a new run. */
  public static final class RunBuilder {
    private final String runId;
    private String namespace = NAMESPACE;
    private String workflowId;
    private String workflowType = "OrderWorkflow";
    private String taskQueue = QUEUE;
    private Instant startTime = T0;
    private TaskScheduling scheduling = TaskScheduling.DEFAULT;

    private RunBuilder(String runId) {
      this.runId = runId;
      this.workflowId = "wf-" + runId;
    }

    /** Sets the namespace. */
    public RunBuilder namespace(String value) {
      namespace = value;
      return this;
    }

    /** Sets the workflow ID. */
    public RunBuilder workflowId(String value) {
      workflowId = value;
      return this;
    }

    /** Sets the workflow type. */
    public RunBuilder workflowType(String value) {
      workflowType = value;
      return this;
    }

    /** Sets the task queue. */
    public RunBuilder taskQueue(String value) {
      taskQueue = value;
      return this;
    }

    /** Sets the start time. */
    public RunBuilder startTime(Instant value) {
      startTime = value;
      return this;
    }

    /** Sets the priority and fairness key of the run's workflow tasks. */
    public RunBuilder scheduling(TaskScheduling value) {
      scheduling = value;
      return this;
    }

    /** Returns the run record. */
    public RunRecord build() {
      return RunRecord.started(namespace, workflowId, runId, workflowType, taskQueue, startTime);
    }

    /** Returns the write that inserts the run, with no conflicting statuses. */
    public Write.InsertRun insert() {
      return insert(Set.of());
    }

    /** Returns the write that inserts the run, refused while a run is in a given status. */
    public Write.InsertRun insert(Set<WorkflowStatus> conflictingStatuses) {
      return new Write.InsertRun(build(), conflictingStatuses, scheduling);
    }
  }

  /** Builds an {@link ActivityTaskRecord} of a new activity task. */
  public static final class ActivityBuilder {
    private final String runId;
    private final long seq;
    private String taskQueue = QUEUE;
    private String activityType = "ChargeCard";
    private Instant visibleAt = T0;
    private Instant scheduleToCloseDeadline;
    private Duration startToCloseTimeout;
    private Duration heartbeatTimeout;
    private TaskScheduling scheduling = TaskScheduling.DEFAULT;

    private ActivityBuilder(String runId, long seq) {
      this.runId = runId;
      this.seq = seq;
    }

    /** Sets the task queue. */
    public ActivityBuilder taskQueue(String value) {
      taskQueue = value;
      return this;
    }

    /** Sets the activity type ("ChargeCard" unless set). */
    public ActivityBuilder activityType(String value) {
      activityType = value;
      return this;
    }

    /** Sets the task's priority and fairness key. */
    public ActivityBuilder scheduling(TaskScheduling value) {
      scheduling = value;
      return this;
    }

    /** Sets when the task becomes claimable. */
    public ActivityBuilder visibleAt(Instant value) {
      visibleAt = value;
      return this;
    }

    /** Sets the schedule-to-close deadline. */
    public ActivityBuilder scheduleToCloseDeadline(Instant value) {
      scheduleToCloseDeadline = value;
      return this;
    }

    /** Sets the start-to-close timeout. */
    public ActivityBuilder startToCloseTimeout(Duration value) {
      startToCloseTimeout = value;
      return this;
    }

    /** Sets the heartbeat timeout. */
    public ActivityBuilder heartbeatTimeout(Duration value) {
      heartbeatTimeout = value;
      return this;
    }

    /** Returns the task, with attempt 0 and spec "spec-<seq>". */
    public ActivityTaskRecord build() {
      return new ActivityTaskRecord(
          runId,
          seq,
          taskQueue,
          activityType,
          0,
          visibleAt,
          scheduleToCloseDeadline,
          startToCloseTimeout,
          heartbeatTimeout,
          bytes("spec-" + seq),
          null,
          null,
          scheduling);
    }

    /** Returns the write that inserts the task. */
    public Write.InsertActivityTask insert() {
      return new Write.InsertActivityTask(build());
    }
  }
}
