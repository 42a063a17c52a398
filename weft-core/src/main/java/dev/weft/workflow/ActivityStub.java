package dev.weft.workflow;

import java.lang.reflect.Type;

/**
 * Calls activities by type name, without an interface: for activities implemented elsewhere (other
 * processes, other languages) or chosen at run time. Made with {@link
 * Workflow#newUntypedActivityStub}.
 */
public interface ActivityStub {

  /** Calls an activity and waits for its result. */
  <R> R execute(String activityType, Class<R> resultType, Object... args);

  /** Calls an activity and returns a promise of its result, without waiting. */
  <R> Promise<R> executeAsync(String activityType, Class<R> resultType, Object... args);

  /** Calls an activity with a generic result type and returns a promise of its result. */
  <R> Promise<R> executeAsync(
      String activityType, Class<R> resultType, Type genericResultType, Object... args);
}
