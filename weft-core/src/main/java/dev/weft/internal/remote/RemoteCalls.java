package dev.weft.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowUpdateException;
import dev.weft.internal.stub.RunRef;
import dev.weft.internal.stub.WorkflowCalls;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** The workflow routes of the API as the untyped operations typed stubs and handles use. */
final class RemoteCalls implements WorkflowCalls {
  /** How long the server may take beyond an update's own timeout to answer. */
  private static final Duration UPDATE_WITH_START_WAIT = Duration.ofMinutes(1);

  private final ApiTransport api;
  private final WireValues values;
  private final RemoteClient client;

  RemoteCalls(ApiTransport api, WireValues values, RemoteClient client) {
    this.api = api;
    this.values = values;
    this.client = client;
  }

  static String workflowPath(String workflowId) {
    return "/workflows/" + ApiTransport.segment(workflowId);
  }

  static Map<String, String> run(String runId) {
    Map<String, String> query = new HashMap<>();
    query.put("runId", runId);
    return query;
  }

  @Override
  public RunRef start(String workflowType, WorkflowOptions options, Object[] args) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.put("workflowType", workflowType);
    body.set("args", values.args(args, "input of workflow '" + workflowType + "'"));
    body.set("options", WireOptions.of(options, values));
    return ref(
        api.post(
                "/workflows",
                null,
                body,
                Duration.ZERO,
                CallContext.named("start", options.workflowId(), null, workflowType))
            .body());
  }

  @Override
  public RunRef signalWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String signalName,
      Object[] signalArgs) {
    String workflowId = requireWorkflowId(options, "signalWithStart");
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.put("workflowType", workflowType);
    body.set("args", values.args(args, "input of workflow '" + workflowType + "'"));
    body.set("options", WireOptions.of(options, values));
    body.put("signalName", signalName);
    body.set("signalArgs", values.args(signalArgs, "input of signal '" + signalName + "'"));
    return ref(
        api.post(
                workflowPath(workflowId) + "/signal-with-start",
                null,
                body,
                Duration.ZERO,
                CallContext.named("signalWithStart", workflowId, null, signalName))
            .body());
  }

  @Override
  public Object updateWithStart(
      String workflowType,
      WorkflowOptions options,
      Object[] args,
      String updateName,
      Object[] updateArgs,
      Type resultType,
      Consumer<RunRef> onRun) {
    String workflowId = requireWorkflowId(options, "update-with-start");
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.put("workflowType", workflowType);
    body.set("args", values.args(args, "input of workflow '" + workflowType + "'"));
    body.set("options", WireOptions.of(options, values));
    body.put("updateName", updateName);
    body.set("updateArgs", values.args(updateArgs, "input of update '" + updateName + "'"));
    CallContext call = CallContext.named("update", workflowId, null, updateName);
    JsonNode answer;
    try {
      answer =
          api.post(
                  workflowPath(workflowId) + "/update-with-start",
                  null,
                  body,
                  UPDATE_WITH_START_WAIT,
                  call)
              .body();
    } catch (WorkflowAlreadyStartedException e) {
      throw e;
    } catch (RuntimeException refused) {
      // A rejected or failed update still started (or joined) a run: find it for the operation.
      if (refused instanceof WorkflowUpdateException || refused instanceof CompletionException) {
        onRun.accept(new RunRef(workflowId, client.currentRunId(workflowId)));
      }
      throw refused;
    }
    onRun.accept(ref(answer));
    return values.read(answer.get("result"), resultType);
  }

  private static String requireWorkflowId(WorkflowOptions options, String operation) {
    if (options.workflowId() == null) {
      throw new IllegalArgumentException(
          operation + " needs WorkflowOptions.workflowId: it reaches that workflow if running");
    }
    return options.workflowId();
  }

  @Override
  public void signal(String workflowId, String runId, String signalName, Object[] args) {
    api.post(
        workflowPath(workflowId) + "/signals/" + ApiTransport.segment(signalName),
        run(runId),
        argsBody(args, "input of signal '" + signalName + "'"),
        Duration.ZERO,
        CallContext.named("signal", workflowId, runId, signalName));
  }

  @Override
  public Object query(
      String workflowId, String runId, String queryName, Type resultType, Object[] args) {
    JsonNode answer =
        api.post(
                workflowPath(workflowId) + "/queries/" + ApiTransport.segment(queryName),
                run(runId),
                argsBody(args, "input of query '" + queryName + "'"),
                Duration.ofSeconds(10),
                CallContext.named("query", workflowId, runId, queryName))
            .body();
    return values.read(answer.get("result"), resultType);
  }

  @Override
  public Object update(
      String workflowId,
      String runId,
      String updateName,
      Type resultType,
      Object[] args,
      Duration timeout) {
    ObjectNode body = argsBody(args, "input of update '" + updateName + "'");
    body.put("timeout", WireOptions.text(timeout));
    JsonNode answer =
        api.post(
                workflowPath(workflowId) + "/updates/" + ApiTransport.segment(updateName),
                run(runId),
                body,
                timeout,
                CallContext.named("update", workflowId, runId, updateName))
            .body();
    return values.read(answer.get("result"), resultType);
  }

  private ObjectNode argsBody(Object[] args, String what) {
    ObjectNode body = ApiTransport.JSON.createObjectNode();
    body.set("args", values.args(args, what));
    return body;
  }

  @Override
  public <R> WorkflowHandle<R> handle(
      String workflowId, String runId, boolean bound, Type resultType) {
    return new RemoteHandle<>(client, workflowId, runId, bound, resultType);
  }

  @Override
  public void requireRun(String workflowId, String runId) {
    client.describe(workflowId, runId);
  }

  private static RunRef ref(JsonNode answer) {
    return new RunRef(answer.path("workflowId").asText(), answer.path("runId").asText());
  }
}
