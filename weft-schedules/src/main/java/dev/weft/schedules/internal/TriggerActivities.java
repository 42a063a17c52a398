package dev.weft.schedules.internal;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityMethod;
import dev.weft.schedules.TriggerAction;
import dev.weft.schedules.TriggerResult;
import java.time.Duration;
import java.time.Instant;

/**
 * The activity every trigger (schedule, sensor, webhook) runs its {@link TriggerAction} with. It is
 * idempotent: the action's workflow ID is derived from the trigger and its fire time, and a start
 * that finds the ID already used is a success naming the run that has it.
 */
@ActivityInterface
public interface TriggerActivities {
  /**
   * The start-to-close timeout of every trigger's calls of {@link #run}. An action is one start or
   * signal, a store commit, so this is a wide margin; and it is how long a firing whose node died
   * mid-action waits before another node runs it again: it must stay well inside the default
   * catch-up window (one minute), which a one-minute timeout did not (a one-second schedule fired
   * nothing for a minute after a node was killed).
   */
  Duration START_TO_CLOSE = Duration.ofSeconds(10);

  /**
   * Runs the action once.
   *
   * @param action what to do
   * @param derivedId the workflow ID of what a start or a materialization starts
   * @param fireTime the firing's nominal time
   * @throws dev.weft.failure.ApplicationFailure non-retryable, of type {@code
   *     WorkflowNotFoundException}, for a signal to a workflow that does not exist or is closed,
   *     and of the refusal's type ({@code UnknownWorkflowTypeException}, {@code
   *     UnknownTaskQueueException}, {@code DataConverterException}, {@code
   *     PayloadTooLargeException}, {@code IllegalArgumentException}) for a start that cannot run as
   *     defined
   */
  @ActivityMethod(name = "__weft_trigger_run")
  TriggerResult run(TriggerAction action, String derivedId, Instant fireTime);
}
