package dev.weft.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.failure.ActivityLeaseLostException;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.failure.DataConverterException;
import dev.weft.failure.InvalidQueryException;
import dev.weft.failure.InvalidResetPointException;
import dev.weft.failure.NamespaceAlreadyExistsException;
import dev.weft.failure.NamespaceNotFoundException;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.QueryFailedException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.UnknownUpdateException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.UpdateFailedException;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.failure.WeftException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.failure.WorkflowUpdateException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every refusal as {@code application/problem+json} (RFC 9457): the route's own {@link
 * ApiProblem}s, the engine's typed exceptions (a missing workflow is 404, a duplicate start 409),
 * Javalin's own (unknown route 404, wrong method 405, body over the limit 413), and anything else
 * as a 500 that carries an error ID and no stack trace (the log has the stack trace under that ID).
 */
public final class ProblemResponses {
  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  /** The content type of every problem document. */
  public static final String CONTENT_TYPE = "application/problem+json";

  private ProblemResponses() {}

  /** Installs the handlers on a Javalin configuration. */
  public static void install(JavalinConfig config) {
    config.routes.exception(ApiProblem.class, (e, ctx) -> write(ctx, e));
    config.routes.exception(
        HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
    config.routes.exception(WeftException.class, (e, ctx) -> write(ctx, fromEngine(e)));
    config.routes.exception(
        IllegalArgumentException.class,
        (e, ctx) ->
            write(ctx, ApiProblem.of(400, "invalid-argument", "Invalid argument", e.getMessage())));
    config.routes.exception(
        IllegalStateException.class,
        (e, ctx) -> write(ctx, ApiProblem.of(409, "invalid-state", "Not now", e.getMessage())));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          String id = UUID.randomUUID().toString();
          log.error("{} {} failed (error {})", ctx.method(), ctx.path(), id, e);
          write(
              ctx,
              ApiProblem.of(
                  500,
                  "internal-error",
                  "Internal error",
                  "the server failed to answer; the server's log has the cause under error " + id));
        });
    for (int status : new int[] {404, 405, 413}) {
      config.routes.error(
          status,
          "*",
          ctx -> {
            // a route's own problem (workflow-not-found) stays; the container may add a charset
            String written = ctx.res().getContentType();
            if (written == null || !written.startsWith(CONTENT_TYPE)) {
              write(ctx, fromStatus(status, ctx));
            }
          });
    }
  }

  /**
   * Maps an engine exception to its problem, with the identifiers the exception carries as
   * extension members: {@code workflowId} and {@code runId} (not found, already started (the
   * existing run), not running with its {@code runStatus}), {@code runId} and {@code seq} of the
   * activity a task token names, {@code namespace}, {@code workflowType}, {@code query} and {@code
   * position}, {@code size} and {@code limit}, {@code updateName}.
   */
  public static ApiProblem fromEngine(WeftException e) {
    String m = e.getMessage();
    return switch (e) {
      case WorkflowNotFoundException x ->
          ApiProblem.notFound("workflow-not-found", m)
              .with("workflowId", x.getWorkflowId())
              .with("runId", x.getRunId());
      case ActivityLeaseLostException x ->
          activity(ApiProblem.of(409, "activity-lease-lost", "Activity lease lost", m), x);
      case NamespaceNotFoundException x ->
          ApiProblem.notFound("namespace-not-found", m)
              .withField("namespace", x.getNamespace())
              .with("namespace", x.getNamespace());
      case NamespaceAlreadyExistsException x ->
          ApiProblem.of(409, "namespace-already-exists", "Namespace already exists", m)
              .withField("name", x.getNamespace())
              .with("namespace", x.getNamespace());
      case ActivityNotFoundException x -> activity(ApiProblem.notFound("activity-not-found", m), x);
      case WorkflowAlreadyStartedException x ->
          ApiProblem.of(409, "workflow-already-started", "Workflow already started", m)
              .with("workflowId", x.getWorkflowId())
              .with("runId", x.getExistingRunId());
      case WorkflowNotRunningException x ->
          ApiProblem.of(409, "workflow-not-running", "Workflow not running", m)
              .with("workflowId", x.getWorkflowId())
              .with("runId", x.getRunId())
              .with("runStatus", x.getStatus() == null ? null : x.getStatus().name());
      case UnknownWorkflowTypeException x ->
          ApiProblem.of(400, "unknown-workflow-type", "Unknown workflow type", m)
              .with("workflowType", x.getWorkflowType());
      case UnknownQueryException x -> ApiProblem.of(400, "unknown-query", "Unknown query", m);
      case UnknownSignalException x -> ApiProblem.of(400, "unknown-signal", "Unknown signal", m);
      case UnknownUpdateException x -> ApiProblem.of(400, "unknown-update", "Unknown update", m);
      case InvalidQueryException x ->
          ApiProblem.of(400, "invalid-query", "Invalid query", m)
              .with("query", x.getQuery())
              .with("position", x.getPosition() < 0 ? null : x.getPosition());
      case QueryFailedException x -> ApiProblem.of(422, "query-failed", "Query failed", m);
      case UpdateRejectedException x ->
          update(ApiProblem.of(422, "update-rejected", "Update rejected", m), x);
      case UpdateFailedException x ->
          update(ApiProblem.of(422, "update-failed", "Update failed", m), x);
      case InvalidResetPointException x ->
          ApiProblem.of(400, "invalid-reset-point", "Invalid reset point", m);
      case PayloadTooLargeException x ->
          ApiProblem.of(413, "payload-too-large", "Payload too large", m)
              .with("size", x.getSize())
              .with("limit", x.getLimit());
      case DataConverterException x -> ApiProblem.of(400, "invalid-payload", "Invalid payload", m);
      default -> ApiProblem.of(409, "engine-refused", "Refused by the engine", m);
    };
  }

  /** The run and sequence number of the activity a task token names, when it names one. */
  private static ApiProblem activity(ApiProblem p, ActivityNotFoundException x) {
    return p.with("runId", x.getRunId()).with("seq", x.getSeq() < 0 ? null : x.getSeq());
  }

  private static ApiProblem update(ApiProblem p, WorkflowUpdateException x) {
    return p.with("workflowId", x.getWorkflowId()).with("updateName", x.getUpdateName());
  }

  private static ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
    return fromStatus(e.getStatus(), ctx);
  }

  private static ApiProblem fromStatus(int status, Context ctx) {
    return switch (status) {
      case 404 ->
          ApiProblem.of(
              404,
              "route-not-found",
              "Route not found",
              "no route " + ctx.method() + " " + ctx.path());
      case 405 ->
          ApiProblem.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              "route " + ctx.path() + " does not take " + ctx.method());
      case 413 ->
          ApiProblem.of(
              413,
              "body-too-large",
              "Body too large",
              "the request body is over the server's limit of "
                  + ctx.appData(WeftServerKeys.MAX_REQUEST_BYTES)
                  + " bytes");
      default ->
          ApiProblem.of(status, "http-" + status, "HTTP " + status, "the request was refused");
    };
  }

  /** Writes a problem document. */
  public static void write(Context ctx, ApiProblem p) {
    ObjectNode doc = ApiJson.MAPPER.createObjectNode();
    doc.put("type", p.type());
    doc.put("title", p.title());
    doc.put("status", p.status());
    doc.put("detail", p.getMessage() == null ? p.title() : p.getMessage());
    doc.put("instance", ctx.path());
    if (p.field() != null) {
      doc.put("field", p.field());
      if (p.value() != null) {
        doc.set("value", ApiJson.MAPPER.valueToTree(p.value()));
      }
    }
    new TreeMap<>(p.members())
        .forEach((name, member) -> doc.set(name, ApiJson.MAPPER.valueToTree(member)));
    ApiJson.write(ctx, p.status(), doc);
    ctx.contentType(CONTENT_TYPE);
  }
}
