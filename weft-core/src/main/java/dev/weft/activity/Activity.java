package dev.weft.activity;

import dev.weft.internal.activity.ActivityContext;
import dev.weft.internal.codec.CheckedExceptionWrapper;
import dev.weft.store.Write;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * The context of the running activity attempt, for code inside an activity method.
 *
 * <pre>{@code
 * public void importFile(String path) {
 *   long from = Activity.getHeartbeatDetails(Long.class).orElse(0L); // resume after a retry
 *   for (long line = from; line < total; line++) {
 *     process(line);
 *     Activity.heartbeat(line); // progress; throws ActivityCanceledException when cancelled
 *   }
 * }
 * }</pre>
 *
 * <p>Every method throws {@link IllegalStateException} outside an activity attempt's thread.
 */
public final class Activity {
  /**
   * The failure type of an attempt whose {@link #commitWithCompletion} writes could not be
   * committed with its completion.
   */
  public static final String COMPLETION_WRITE_FAILED = "CompletionWriteFailed";

  private Activity() {}

  /**
   * Lets an activity method throw a checked exception it cannot declare: {@code throw
   * Activity.wrap(e)}. The attempt fails with an {@code ApplicationFailure} whose type is the
   * checked exception's class name ({@code java.io.IOException}), not the wrapper's, so retry
   * policies and callers match on the real type. An unchecked exception is returned unchanged; an
   * {@link Error} is rethrown.
   */
  public static RuntimeException wrap(Throwable e) {
    return CheckedExceptionWrapper.wrap(e);
  }

  /** Returns what the attempt knows about itself. */
  public static ActivityInfo getInfo() {
    return ActivityContext.current().info();
  }

  /**
   * Reports that the attempt is alive, with optional progress details that a later attempt can read
   * with {@link #getHeartbeatDetails}. Extends the heartbeat timeout. Cheap to call often: writes
   * to the store are throttled.
   *
   * @throws ActivityCanceledException if the attempt no longer owns its task (cancelled, timed out,
   *     run closed)
   */
  public static void heartbeat(Object details) {
    ActivityContext.current().heartbeat(details);
  }

  /**
   * Tells Weft that this attempt does not end when the activity method returns: someone else
   * completes it later with {@code WeftClient.completeActivity(taskToken, result)} (or fails it),
   * for example a callback from another system. Hand out {@code getInfo().taskToken()} first. The
   * attempt's timeouts still apply (use a heartbeat or start-to-close timeout long enough for the
   * callback, and heartbeat with {@code WeftClient.heartbeatActivity}). The worker slot is free as
   * soon as the method returns.
   *
   * <p>Not combined with {@link #commitWithCompletion}: either order throws {@link
   * IllegalStateException}.
   *
   * <p>The attempt belongs to the engine that started it: if that engine restarts on an embedded
   * store, the attempt ends like any running one and the retry policy starts another attempt, with
   * a new token; the old token is then refused.
   */
  public static void doNotCompleteOnReturn() {
    ActivityContext.current().doNotCompleteOnReturn();
  }

  /**
   * Adds {@code write}, a store extension's write, to the transaction that records this attempt's
   * successful completion: the write is committed if and only if the completion is. A feature uses
   * it to keep its own rows in step with what ran, such as the asset catalog's materialization
   * record, which must never say an asset was computed by an attempt whose result was not kept:
   *
   * <pre>{@code
   * public String materialize(String assetKey) {
   *   Output out = compute(assetKey); // the work, and its IO manager's write
   *   Activity.commitWithCompletion(
   *       new RecordMaterialization("default", record(assetKey, out))); // catalog row, same commit
   *   return out.dataVersion();
   * }
   * }</pre>
   *
   * <p>Invariants: the writes added by an attempt, in the order added, commit in the same store
   * transaction as its completion, whether the completion is recorded together with the workflow
   * task it triggers or through the run's inbox. Nothing is written when the completion is not
   * recorded: the attempt threw (failed, retried or final), was cancelled, lost its lease (timed
   * out) or its run closed meanwhile. A failed attempt drops the writes it added; the next attempt
   * starts with none.
   *
   * <p>If the transaction fails because of an added write (no installed store extension applies its
   * class, a constraint of its table fails, or its own condition conflicts), nothing of it is
   * applied, and the attempt fails with an {@code ApplicationFailure} of type {@value
   * #COMPLETION_WRITE_FAILED} naming the write classes and the store's reason; its retry policy
   * decides whether another attempt follows (list the type in {@code nonRetryableErrorTypes} to
   * stop at the first).
   *
   * <p>Threading: call it on the attempt's thread, like every method here. Costs nothing on an
   * attempt that does not call it.
   *
   * @param write a write of an extension installed in the engine's store (not one of the core
   *     writes nested in {@link Write}, which are the engine's own)
   * @throws IllegalArgumentException if {@code write} is null or a core write
   * @throws IllegalStateException in a local activity (its result is recorded by the workflow task
   *     that ran it, again on replay), in an attempt that called {@link #doNotCompleteOnReturn} (a
   *     completion by task token carries no writes; {@code doNotCompleteOnReturn} after this throws
   *     too), or outside an activity attempt's thread
   */
  public static void commitWithCompletion(Write write) {
    ActivityContext.current().commitWithCompletion(write);
  }

  /** Returns the details of the last heartbeat recorded by this or an earlier attempt. */
  public static <T> Optional<T> getHeartbeatDetails(Class<T> type) {
    return getHeartbeatDetails(type, type);
  }

  /** Returns the last recorded heartbeat details, read as a generic type. */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> getHeartbeatDetails(Class<T> type, Type genericType) {
    return (Optional<T>) ActivityContext.current().heartbeatDetails(genericType);
  }
}
