package dev.weft.activity;

import dev.weft.converter.EncodedValues;

/**
 * An activity implementation for activity types known only at run time: registered with {@code
 * Worker.registerActivities(new MyDynamicActivity())}, it runs every activity type of its task
 * queue that no typed implementation registers ({@code Activity.getInfo().activityType()} says
 * which). At most one per task queue. Heartbeats, asynchronous completion and failures work as in
 * typed activities.
 *
 * <pre>{@code
 * public class HttpCall implements DynamicActivity {
 *   public Object execute(EncodedValues args) {
 *     return http.post("/" + Activity.getInfo().activityType(), args.get(0, String.class));
 *   }
 * }
 * }</pre>
 */
public interface DynamicActivity {

  /** Runs the activity; the result is encoded with the data converter. */
  Object execute(EncodedValues args);
}
