package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowIdConflictPolicy;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft workflow start --type TYPE --task-queue QUEUE [--input JSON]...}: starts a run and
 * prints its IDs; with {@code --wait}, waits for its result and prints it as JSON (a failed run
 * exits 1 with the failure).
 */
@Command(
    name = "start",
    description =
        "Starts a workflow run; prints its workflow and run IDs (with --wait, its result).",
    footer = {
      "",
      "Example:",
      "  weft workflow start --type OrderWorkflow --task-queue orders --workflow-id order-7 \\",
      "    -i '{\"orderId\":\"7\",\"sku\":\"WEFT-MUG\",\"quantity\":1,\"amountCents\":1200,"
          + "\"destination\":\"Lisbon\"}' --wait"
    })
final class WorkflowStartCommand implements Callable<Integer> {
  @Mixin private ClientOptions client;
  @Mixin private Inputs inputs;

  @Option(names = "--type", required = true, paramLabel = "TYPE", description = "the workflow type")
  private String type;

  @Option(
      names = "--task-queue",
      required = true,
      paramLabel = "QUEUE",
      description = "the task queue whose workers run it")
  private String taskQueue;

  @Option(
      names = "--workflow-id",
      paramLabel = "ID",
      description = "the workflow ID (default: TYPE-<random UUID>)")
  private String workflowId;

  @Option(
      names = "--execution-timeout",
      paramLabel = "DURATION",
      description = "the whole workflow's limit across runs, ISO-8601 (e.g. PT1H)")
  private Duration executionTimeout;

  @Option(
      names = "--run-timeout",
      paramLabel = "DURATION",
      description = "one run's limit, ISO-8601")
  private Duration runTimeout;

  @Option(
      names = "--start-delay",
      paramLabel = "DURATION",
      description = "start the first workflow task after this delay, ISO-8601")
  private Duration startDelay;

  @Option(
      names = "--id-reuse-policy",
      paramLabel = "POLICY",
      description = "when a closed run has the ID: ${COMPLETION-CANDIDATES}")
  private WorkflowIdReusePolicy idReusePolicy;

  @Option(
      names = "--id-conflict-policy",
      paramLabel = "POLICY",
      description = "when a running run has the ID: ${COMPLETION-CANDIDATES}")
  private WorkflowIdConflictPolicy idConflictPolicy;

  @Option(
      names = "--search-attr",
      paramLabel = "NAME=JSON",
      description = "a search attribute's value as JSON (e.g. CustomerId='\"c-7\"'); repeatable")
  private Map<String, String> searchAttributes = new LinkedHashMap<>();

  @Option(
      names = "--memo",
      paramLabel = "NAME=JSON",
      description = "a memo field's value as JSON; repeatable")
  private Map<String, String> memo = new LinkedHashMap<>();

  @Option(names = "--wait", description = "wait for the result and print it as JSON")
  private boolean await;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowStartCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return client.run(
        err,
        c -> {
          WorkflowHandle<Object> handle = c.start(type, options(), inputs.values());
          if (client.output() == OutputFormat.json && !await) {
            out.println(
                JsonValues.write(
                    Map.of("workflowId", handle.workflowId(), "runId", handle.runId())));
            return 0;
          }
          if (!await) {
            out.println("started " + handle.workflowId() + " run " + handle.runId());
            return 0;
          }
          JsonNode result = handle.getResult(JsonNode.class);
          out.println(JsonValues.write(result));
          return 0;
        });
  }

  private WorkflowOptions options() {
    WorkflowOptions.Builder b =
        WorkflowOptions.newBuilder()
            .workflowId(workflowId != null ? workflowId : type + "-" + UUID.randomUUID())
            .taskQueue(taskQueue);
    if (executionTimeout != null) {
      b.workflowExecutionTimeout(executionTimeout);
    }
    if (runTimeout != null) {
      b.workflowRunTimeout(runTimeout);
    }
    if (startDelay != null) {
      b.startDelay(startDelay);
    }
    if (idReusePolicy != null) {
      b.idReusePolicy(idReusePolicy);
    }
    if (idConflictPolicy != null) {
      b.idConflictPolicy(idConflictPolicy);
    }
    searchAttributes.forEach(
        (name, json) ->
            b.searchAttribute(name, plain(JsonValues.parseOne("--search-attr " + name, json))));
    memo.forEach((name, json) -> b.memo(name, JsonValues.parseOne("--memo " + name, json)));
    return b.build();
  }

  /** A search attribute's JSON value as the Java value its type takes. */
  private static Object plain(JsonNode v) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isArray()) {
      java.util.List<String> items = new java.util.ArrayList<>();
      v.forEach(i -> items.add(i.asText()));
      return items;
    }
    throw new IllegalArgumentException(
        "--search-attr takes a string, number, boolean or list of strings; got " + v);
  }
}
