package dev.weft.activity;

import dev.weft.internal.activity.ActivityContext;
import dev.weft.internal.codec.CheckedExceptionWrapper;
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
   * <p>The attempt belongs to the engine that started it: if that engine restarts on an embedded
   * store, the attempt ends like any running one and the retry policy starts another attempt, with
   * a new token; the old token is then refused.
   */
  public static void doNotCompleteOnReturn() {
    ActivityContext.current().doNotCompleteOnReturn();
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
