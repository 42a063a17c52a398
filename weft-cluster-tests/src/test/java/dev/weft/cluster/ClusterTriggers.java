package dev.weft.cluster;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.OverlapPolicy;
import dev.weft.schedules.RunRequest;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.SensorDefinition;
import dev.weft.schedules.SensorResult;
import dev.weft.schedules.Sensors;
import dev.weft.schedules.TriggerAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedules and the sensor that every node of {@link ScheduleNodeKillTest} defines, the same on
 * each: {@code n} schedules {@code tick-01...} firing every second, and the sensor {@value #SENSOR}
 * whose cursor counts its evaluations and which requests one run per evaluation (dedupe key: the
 * new cursor). Every firing and every request starts a one-step {@link PipelineWorkflow} of {@link
 * #ACTION} on the cluster's queue, so its activity is journaled like the other tests' steps.
 *
 * <p>A node defines them when its JVM has the system property {@value #PROPERTY} (the number of
 * schedules); without it a node runs as before.
 */
final class ClusterTriggers {
  /** The system property of a node JVM that holds the number of schedules it defines. */
  static final String PROPERTY = "weft.cluster.schedules";

  /** The sensor's name; its runs are {@code counter:<n>}. */
  static final String SENSOR = "counter";

  /** How often each schedule fires and the sensor evaluates. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  /**
   * How late a firing may still run: generous, so that the firings due while a killed node held a
   * schedule (until its leases and its trigger activity's start-to-close timeout end) are caught up
   * however slow the shared machine is.
   */
  static final Duration CATCH_UP_WINDOW = Duration.ofMinutes(5);

  /** What each firing and each request starts: one short journaled step. */
  static final WorkflowShape ACTION = new WorkflowShape(1, 400, 0);

  private ClusterTriggers() {}

  /** The ID of schedule {@code number} (from 1). */
  static String scheduleId(int number) {
    return String.format("tick-%02d", number);
  }

  /** The schedules {@code tick-01} to {@code tick-<count>}. */
  static List<ScheduleDefinition> schedules(int count) {
    List<ScheduleDefinition> all = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      all.add(
          ScheduleDefinition.of(scheduleId(i), ScheduleSpec.every(INTERVAL), action())
              // a run still going must not make the next firing skip: one run per second
              .withOverlapPolicy(OverlapPolicy.ALLOW_ALL)
              .withCatchUpWindow(CATCH_UP_WINDOW));
    }
    return all;
  }

  /** The sensor: cursor {@code n} (none at first: 0) requests run {@code n + 1}. */
  static SensorDefinition sensor() {
    return SensorDefinition.of(
        SENSOR,
        INTERVAL,
        context -> {
          long next = context.cursor() == null ? 1 : Long.parseLong(context.cursor()) + 1;
          String key = Long.toString(next);
          return SensorResult.requests(key, List.of(new RunRequest(key, action())));
        });
  }

  /**
   * Defines the schedules and the sensor on a node's engine (before it starts); call {@link
   * Schedules#ensureStarted()} on the result once it started.
   */
  static Schedules define(WeftEngine engine, int schedules) {
    Schedules.Builder builder = Schedules.builder(engine);
    schedules(schedules).forEach(builder::schedule);
    Sensors.builder(engine).sensor(sensor()).build();
    return builder.build();
  }

  /**
   * Registers the schedule and sensor workflows on the test's own engine, which is never started:
   * its client answers their describe queries by replaying their histories, so it needs their code,
   * though it runs none of their tasks.
   */
  static void registerForQueries(WeftEngine driver) {
    Schedules.builder(driver).build();
    Sensors.builder(driver).build();
  }

  /** The nominal fire time in the derived ID {@code <schedule>@<instant>} of a firing's run. */
  static Instant nominal(String workflowId) {
    return Instant.parse(workflowId.substring(workflowId.indexOf('@') + 1));
  }

  private static TriggerAction action() {
    return TriggerAction.StartWorkflow.of(
        "PipelineWorkflow",
        ClusterSettings.QUEUE,
        IntNode.valueOf(ACTION.steps()),
        IntNode.valueOf(ACTION.workMillis()),
        LongNode.valueOf(ACTION.sleepMillis()));
  }
}
