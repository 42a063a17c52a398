package dev.weft.schedules.internal;

import dev.weft.schedules.SensorDescription;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;

/**
 * The built-in workflow of one sensor: workflow ID {@link #WORKFLOW_ID_PREFIX}{@code <name>}, type
 * {@link #TYPE}, on the task queue {@link #TASK_QUEUE}. It sleeps on a durable timer, runs the
 * user's evaluation in an activity on {@link #EVALUATION_QUEUE}, starts the requested runs and
 * records the evaluation in its state, which it carries across continue-as-new.
 *
 * <p><b>Why a cursor and its requests happen exactly once.</b> The evaluation activity returns the
 * new cursor and the requests together, and the engine records that result in the workflow's
 * history with the activity's completion, in one store commit: from then on every replay of the
 * workflow sees the same cursor and the same requests, and before it no effect of the evaluation
 * exists (a lost completion is an evaluation that failed, and the next one starts again from the
 * old cursor). The workflow then starts each request with the workflow ID {@code
 * <sensor>:<dedupeKey>}, and a start that finds its ID taken is a success naming the existing run:
 * a start repeated after a crash, on another node or by a later evaluation asking for the same key
 * starts nothing new. So the cursor never advances without its requests being started, and no
 * request is started twice.
 */
@WorkflowInterface
public interface SensorWorkflow {
  /** The workflow type. */
  String TYPE = "__weft_sensor";

  /** The prefix of its workflow IDs. */
  String WORKFLOW_ID_PREFIX = "__weft_sensor:";

  /** The internal task queue its workflow tasks run on. */
  String TASK_QUEUE = TriggerWorkers.TASK_QUEUE;

  /** The task queue of the evaluation activity, served by the node that defines the sensors. */
  String EVALUATION_QUEUE = "__weft_sensors";

  /** The signal that sets the interval of a (re)defined sensor. */
  String DEFINE = "__weft_sensor_define";

  /** The signal that sets the assets a (re)defined sensor watches. */
  String WATCH = "__weft_sensor_watch";

  /** The query that describes the sensor. */
  String DESCRIBE = "__weft_sensor_describe";

  /** The signal that pauses it, with a note. */
  String PAUSE = "__weft_sensor_pause";

  /** The signal that unpauses it. */
  String UNPAUSE = "__weft_sensor_unpause";

  /** The signal that replaces its cursor. */
  String SET_CURSOR = "__weft_sensor_set_cursor";

  /** Returns the workflow ID of sensor {@code name}. */
  static String workflowId(String name) {
    return WORKFLOW_ID_PREFIX + name;
  }

  /** Returns the workflow ID of the run requested with {@code dedupeKey} by sensor {@code name}. */
  static String requestId(String name, String dedupeKey) {
    return name + ":" + dedupeKey;
  }

  /** Evaluates the sensor forever, from {@code state}. */
  @WorkflowMethod(name = TYPE)
  void run(SensorState state);

  /** Sets the interval (the app's definition changed); the next evaluation is re-planned. */
  @SignalMethod(name = DEFINE)
  void define(Duration minimumInterval);

  /**
   * Sets the paths of the assets whose new materializations trigger an evaluation (the app's
   * definition changed); empty for a sensor evaluated on its interval.
   */
  @SignalMethod(name = WATCH)
  void watch(List<String> assetPaths);

  /** Pauses the sensor until {@link #unpause}; an evaluation under way completes. */
  @SignalMethod(name = PAUSE)
  void pause(String note);

  /** Unpauses the sensor: it evaluates one interval later. */
  @SignalMethod(name = UNPAUSE)
  void unpause();

  /** Replaces the cursor the next evaluation is given ({@code null} clears it). */
  @SignalMethod(name = SET_CURSOR)
  void setCursor(String cursor);

  /** Returns the sensor's state as an operator sees it. */
  @QueryMethod(name = DESCRIBE)
  SensorDescription describe();
}
