package dev.weft.schedules.internal;

import dev.weft.schedules.OverlapPolicy;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Instant;

/**
 * The built-in workflow of one schedule, ID {@code __weft_schedule:<scheduleId>}, on {@link
 * TriggerWorkers#TASK_QUEUE}: it sleeps on a durable timer until the next fire time and runs the
 * action with the derived ID {@code <scheduleId>@<nominal>}. Changes arrive as signals, the
 * description is a query.
 */
@WorkflowInterface
public interface ScheduleWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_schedule";

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_schedule:";

  /** Runs the schedule from {@code state} until it is deleted (continuing as new on the way). */
  @WorkflowMethod(name = TYPE)
  void run(ScheduleState state);

  /** Replaces the definition (same ID); firings already handled stay as they are. */
  @SignalMethod(name = "update")
  void update(ScheduleDefinition definition);

  /** Pauses: firings are recorded as skipped with the note. */
  @SignalMethod(name = "pause")
  void pause(String note);

  /** Unpauses, keeping the note. */
  @SignalMethod(name = "unpause")
  void unpause(String note);

  /** Fires once now, with the overlap policy; the derived ID uses the time the signal arrived. */
  @SignalMethod(name = "trigger")
  void trigger();

  /** Fires every nominal time in {@code (from, to]}, in order, with {@code policy}. */
  @SignalMethod(name = "backfill")
  void backfill(Instant from, Instant to, OverlapPolicy policy);

  /** Ends the schedule (its runs go on). */
  @SignalMethod(name = "delete")
  void delete();

  /** Describes the schedule with its next {@code n} fire times. */
  @QueryMethod(name = "describe")
  ScheduleDescription describe(int n);

  /** The workflow ID of a schedule. */
  static String workflowId(String scheduleId) {
    return WORKFLOW_ID_PREFIX + scheduleId;
  }
}
