package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft schedule create ID}: creates a schedule from a cron expression or an interval and one
 * action (start a workflow, signal one, or materialize an asset selection).
 */
@Command(
    name = "create",
    description =
        "Creates a schedule: --cron or --every, and one action: --workflow-type with --task-queue,"
            + " --signal or --materialize.")
final class ScheduleCreateCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "ID", description = "the schedule ID (no '@')")
  private String id;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private When when;

  /** When the schedule fires: exactly one of the two. */
  static final class When {
    @Option(
        names = "--cron",
        paramLabel = "EXPR",
        description = "a cron expression: 5 fields, 6 (seconds first) or a macro such as @hourly")
    String cron;

    @Option(
        names = "--every",
        paramLabel = "DURATION",
        description = "a fixed interval, ISO-8601 (e.g. PT15M), at least PT1S")
    Duration every;
  }

  @Option(
      names = "--offset",
      paramLabel = "DURATION",
      description = "with --every: the shift from the epoch, ISO-8601")
  private Duration offset;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "the time zone of the cron expression (e.g. Europe/Paris; default UTC)")
  private String timeZone;

  @Option(
      names = "--jitter",
      paramLabel = "DURATION",
      description = "delay each firing by a deterministic amount under this, ISO-8601")
  private Duration jitter;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Action action;

  /** What each firing does: exactly one of the three. */
  static final class Action {
    @ArgGroup(exclusive = false)
    Start start;

    @Option(
        names = "--signal",
        arity = "2",
        paramLabel = "WORKFLOW_ID SIGNAL",
        description = "signal this workflow with this signal (arguments from --input)")
    List<String> signal;

    @Option(
        names = "--materialize",
        paramLabel = "SELECTION",
        description = "materialize this asset selection (e.g. 'trades/*')")
    String materialize;
  }

  /** Start a workflow: its type and queue. */
  static final class Start {
    @Option(
        names = "--workflow-type",
        required = true,
        paramLabel = "TYPE",
        description = "start a workflow of this type (with --task-queue)")
    String workflowType;

    @Option(
        names = "--task-queue",
        required = true,
        paramLabel = "QUEUE",
        description = "the task queue of the started workflow")
    String taskQueue;
  }

  @Option(
      names = {"-i", "--input"},
      paramLabel = "JSON",
      description =
          "an argument of the started workflow or the signal, as JSON, e.g. '\"dave\"'; repeatable")
  private List<String> inputs = new ArrayList<>();

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      description =
          "what a firing does while the previous run still runs: SKIP (default), BUFFER_ONE,"
              + " BUFFER_ALL, CANCEL_OTHER, TERMINATE_OTHER, ALLOW_ALL")
  private String overlap;

  @Option(
      names = "--catch-up-window",
      paramLabel = "DURATION",
      description = "how late a missed firing may still run, ISO-8601 (default PT1M)")
  private Duration catchUpWindow;

  @Option(names = "--paused", description = "create it paused")
  private boolean paused;

  @Option(names = "--note", paramLabel = "TEXT", description = "a note (why it is paused)")
  private String note;

  @Option(names = "--description", paramLabel = "TEXT", description = "what it is for")
  private String description;

  private final PrintStream out;
  private final PrintStream err;

  ScheduleCreateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Map<String, Object> body;
    try {
      body = body();
    } catch (IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      return 2;
    }
    return api.run(
        err,
        http -> {
          JsonNode s = http.post(ns.base() + "/schedules", body);
          if (api.output == OutputFormat.json) {
            out.println(ApiHttp.pretty(s));
          } else {
            out.println("created " + ScheduleFormat.line(s));
          }
          return 0;
        });
  }

  private Map<String, Object> body() {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (when.cron != null) {
      spec.put("cron", when.cron);
    } else {
      spec.put("interval", when.every.toString());
    }
    putIfSet(spec, "offset", offset);
    putIfSet(spec, "timeZone", timeZone);
    putIfSet(spec, "jitter", jitter);

    List<Object> args = Arrays.asList(JsonValues.parse("--input", inputs));
    Map<String, Object> a = new LinkedHashMap<>();
    if (action.start != null) {
      a.put("type", "startWorkflow");
      a.put("workflowType", action.start.workflowType);
      a.put("taskQueue", action.start.taskQueue);
      a.put("args", args);
    } else if (action.signal != null) {
      a.put("type", "signalWorkflow");
      a.put("workflowId", action.signal.get(0));
      a.put("signalName", action.signal.get(1));
      a.put("args", args);
    } else {
      if (!inputs.isEmpty()) {
        throw new IllegalArgumentException(
            "--input is for --workflow-type or --signal, not for --materialize");
      }
      a.put("type", "materialize");
      a.put("selection", action.materialize);
    }

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("spec", spec);
    body.put("action", a);
    putIfSet(body, "overlapPolicy", overlap);
    putIfSet(body, "catchUpWindow", catchUpWindow);
    if (paused) {
      body.put("paused", true);
    }
    putIfSet(body, "note", note);
    putIfSet(body, "description", description);
    return body;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value.toString());
    }
  }
}
