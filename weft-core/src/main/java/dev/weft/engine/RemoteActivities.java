package dev.weft.engine;

import dev.weft.converter.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Activity workers outside the engine (another process, another language, over the HTTP API): they
 * claim activity attempts from a task queue and report their outcomes by task token, with the same
 * lease, fencing, heartbeat-timeout and retry rules as the engine's own workers. Get it from {@link
 * WeftEngine#remoteActivities()} once the engine has started.
 *
 * <pre>{@code
 * RemoteActivities remote = engine.remoteActivities();
 * Optional<RemoteActivityTask> task =
 *     remote.poll("greetings", "py-worker-1", Set.of("Format"), Duration.ofSeconds(30));
 * task.ifPresent(t -> remote.complete(t.taskToken(), Payload.json("\"Hello, Ada\"")));
 * }</pre>
 *
 * <p><b>Which tasks a poll takes.</b> Only tasks of the named activity types, or of any type when
 * the set is empty. The engine's own pollers take only the types registered on their queue (unless
 * a {@code DynamicActivity} is), so a type no in-process worker knows waits in the queue for a
 * remote worker, as in Temporal.
 *
 * <p><b>Leases.</b> A polled attempt is leased until the earliest of its start-to-close, heartbeat
 * and schedule-to-close deadlines ({@link RemoteActivityTask#leaseUntil()}); a heartbeat extends it
 * by the heartbeat timeout. When it runs out, the attempt times out and its retry policy decides
 * what follows; a completion, failure or heartbeat that comes later is refused with {@link
 * dev.weft.failure.ActivityLeaseLostException} and writes nothing.
 *
 * <p>Thread-safe: any number of threads may poll and report at once; {@link #poll} blocks its
 * caller (use a virtual thread per waiting poll), as does {@link #pollBatch}.
 */
public interface RemoteActivities {
  /** The most tasks one {@link #pollBatch} may take. */
  int MAX_POLL_BATCH = 100;

  /** The most reports one {@link #completeBatch} may carry. */
  int MAX_REPORT_BATCH = 100;

  /**
   * Leases one activity attempt of {@code taskQueue}, waiting up to {@code maxWait} for one to
   * become ready; returns as soon as one is (a commit that makes a task ready wakes the poll).
   *
   * @param taskQueue the queue to take from
   * @param identity who polls (shown by {@link WeftEngine#describeTaskQueue} and kept as the
   *     lease's owner); not blank
   * @param activityTypes the activity types the worker runs; empty for any type
   * @param maxWait the longest to wait; zero to only look
   * @return the leased attempt, or empty if none came in time (or the queue is paused)
   * @throws IllegalArgumentException for a blank queue or identity, or a negative wait
   * @throws InterruptedException if the waiting thread is interrupted
   */
  Optional<RemoteActivityTask> poll(
      String taskQueue, String identity, Set<String> activityTypes, Duration maxWait)
      throws InterruptedException;

  /**
   * Leases up to {@code maxTasks} activity attempts of {@code taskQueue} in one store claim,
   * waiting up to {@code maxWait} for at least one to become ready; returns as soon as some are (it
   * does not wait to fill the batch). Otherwise as {@link #poll}: the same types filter, leases and
   * wake-ups; {@code poll} is the one-task case.
   *
   * <p>Why: a worker that runs many short activities spends most of its time on polls, one round
   * trip and one store claim per task; a batch takes several tasks for the price of one. The lease
   * of each task starts at the claim, not when the worker gets to it, so a worker should ask only
   * for what it can start at once (its free slots): a task that waits behind others in the worker
   * uses up its start-to-close and heartbeat time there, and times out if it waits too long.
   *
   * <pre>{@code
   * List<RemoteActivityTask> tasks =
   *     remote.pollBatch("greetings", "py-worker-1", Set.of(), freeSlots, Duration.ofSeconds(20));
   * tasks.forEach(t -> executor.submit(() -> run(t)));
   * }</pre>
   *
   * @param taskQueue the queue to take from
   * @param identity who polls, as for {@link #poll}; not blank
   * @param activityTypes the activity types the worker runs; empty for any type
   * @param maxTasks the most tasks to take, 1 to {@value #MAX_POLL_BATCH}
   * @param maxWait the longest to wait for the first task; zero to only look
   * @return the leased attempts in claim order, at most {@code maxTasks}; empty if none came in
   *     time (or the queue is paused); unmodifiable
   * @throws IllegalArgumentException for a blank queue or identity, a negative wait, or {@code
   *     maxTasks} outside 1 to {@value #MAX_POLL_BATCH}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  List<RemoteActivityTask> pollBatch(
      String taskQueue, String identity, Set<String> activityTypes, int maxTasks, Duration maxWait)
      throws InterruptedException;

  /**
   * Records that the attempt returned {@code result} (as the data converter encodes it, before the
   * codec: with the default converter, the JSON of the value).
   *
   * @throws dev.weft.failure.ActivityLeaseLostException if the attempt no longer holds its task
   * @throws dev.weft.failure.ActivityNotFoundException if the token is not a task token
   * @throws dev.weft.failure.PayloadTooLargeException if the result is over the engine's limit
   */
  void complete(String taskToken, Payload result);

  /**
   * Records that the attempt failed; the activity's retry policy decides whether another attempt
   * follows (its heartbeat details are kept for it). A failure after the workflow requested the
   * activity's cancel ends the activity.
   *
   * @throws dev.weft.failure.ActivityLeaseLostException if the attempt no longer holds its task
   * @throws dev.weft.failure.ActivityNotFoundException if the token is not a task token
   */
  void fail(String taskToken, RemoteActivityFailure failure);

  /**
   * Records several attempts' outcomes at once: each report as {@link #complete} or {@link #fail}
   * would, with the same checks and fencing, but submitted together so that the store's group
   * commit takes them in as few commits as it can. Each report stands alone: one that is refused
   * (its attempt lost its lease, its token is unknown, its result is too large) writes nothing and
   * does not hold back or roll back the others.
   *
   * <p>Why: a worker that polled a batch ({@link #pollBatch}) and ran its tasks at once can report
   * them in one round trip instead of one per task. Reporting a task again after it was recorded (a
   * retried request) is refused with {@link dev.weft.failure.ActivityLeaseLostException} and
   * changes nothing, as for {@link #complete}.
   *
   * <pre>{@code
   * List<RemoteActivityReportOutcome> outcomes =
   *     remote.completeBatch(
   *         done.stream()
   *             .map(t -> RemoteActivityReport.completed(t.taskToken(), Payload.json("true")))
   *             .toList());
   * outcomes.stream().filter(o -> !o.recorded()).forEach(o -> log.warn("{}", o.refusal()));
   * }</pre>
   *
   * <p>Blocks until every report is recorded or refused; thread-safe.
   *
   * @param reports 1 to {@value #MAX_REPORT_BATCH} reports, no nulls
   * @return one outcome per report, in the reports' order; unmodifiable
   * @throws IllegalArgumentException if there are no reports, more than {@value #MAX_REPORT_BATCH},
   *     or a null one
   * @throws dev.weft.store.StoreException if the store failed (some reports may have been recorded:
   *     reporting them again is refused with a lost lease, so the batch can be sent again)
   */
  List<RemoteActivityReportOutcome> completeBatch(List<? extends RemoteActivityReport> reports);

  /**
   * Records heartbeat {@code details} (kept for the next attempt, or null for none) and extends the
   * attempt's lease by its heartbeat timeout (never past its start-to-close and schedule-to-close
   * deadlines). Each call writes: a remote worker throttles its own heartbeats.
   *
   * @return true when the workflow has requested the activity's cancel and waits for the attempt to
   *     stop: the worker should clean up and report (fail) promptly
   * @throws dev.weft.failure.ActivityLeaseLostException if the attempt no longer holds its task (it
   *     timed out, or its activity was cancelled without waiting): the worker must stop
   * @throws dev.weft.failure.ActivityNotFoundException if the token is not a task token
   */
  boolean heartbeat(String taskToken, Payload details);

  /**
   * Records that the attempt stopped for the cancel its workflow requested (a heartbeat answered
   * true): the activity ends as cancelled and the workflow's call fails with a {@code
   * CanceledFailure}, as when an in-process attempt throws {@code ActivityCanceledException}.
   *
   * @throws dev.weft.failure.ActivityCancelNotRequestedException if the workflow has not requested
   *     the cancel (nothing is written; the attempt keeps its task)
   * @throws dev.weft.failure.ActivityLeaseLostException if the attempt no longer holds its task
   * @throws dev.weft.failure.ActivityNotFoundException if the token is not a task token
   */
  void reportCanceled(String taskToken);
}
