package dev.weft.server.api.activities;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.RemoteActivities;
import dev.weft.engine.RemoteActivityFailure;
import dev.weft.engine.RemoteActivityReport;
import dev.weft.engine.RemoteActivityReportOutcome;
import dev.weft.server.api.activities.ActivityTaskBodies.CompleteBatchItem;
import dev.weft.server.api.activities.ActivityTaskBodies.CompleteBatchOutcome;
import dev.weft.server.api.activities.ActivityTaskBodies.CompleteBatchRequest;
import dev.weft.server.api.activities.ActivityTaskBodies.CompleteBatchResponse;
import dev.weft.server.api.activities.ActivityTaskBodies.FailRequest;
import dev.weft.server.api.activities.ActivityTaskBodies.ItemProblem;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ProblemResponses;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST .../activity-tasks/complete-batch}: several attempts' results and failures in one
 * request, recorded by {@link RemoteActivities#completeBatch}. A body that does not read (bad JSON,
 * an unknown field, a wrong type) or holds no items or more than {@value
 * RemoteActivities#MAX_REPORT_BATCH} is a 400 for the request; past that, each item has its own
 * outcome in the 200 answer, and a bad or refused item changes nothing and holds back no other.
 */
final class CompleteBatchRoute {
  private CompleteBatchRoute() {}

  static void handle(Context ctx, RemoteActivities remote) {
    CompleteBatchRequest req = ApiJson.read(ctx, CompleteBatchRequest.class);
    List<CompleteBatchItem> items = req.items();
    if (items == null || items.isEmpty() || items.size() > RemoteActivities.MAX_REPORT_BATCH) {
      throw ApiProblem.badField(
          "items",
          items == null ? null : items.size() + " items",
          (items == null ? "field 'items' is required: the reports" : "field 'items'")
              + " must hold 1 to "
              + RemoteActivities.MAX_REPORT_BATCH
              + " items"
              + (items == null ? "" : ", held " + items.size()));
    }
    CompleteBatchOutcome[] outcomes = new CompleteBatchOutcome[items.size()];
    List<RemoteActivityReport> reports = new ArrayList<>(items.size());
    int[] itemOf = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      try {
        itemOf[reports.size()] = i;
        reports.add(report(items.get(i), "items[" + i + "]"));
      } catch (ApiProblem p) {
        outcomes[i] = refused(items.get(i), p);
      }
    }
    if (!reports.isEmpty()) {
      List<RemoteActivityReportOutcome> recorded = remote.completeBatch(reports);
      for (int r = 0; r < recorded.size(); r++) {
        RemoteActivityReportOutcome o = recorded.get(r);
        CompleteBatchItem item = items.get(itemOf[r]);
        outcomes[itemOf[r]] =
            o.recorded()
                ? new CompleteBatchOutcome(
                    o.taskToken(), item.failure() == null ? "completed" : "failed", null)
                : refused(item, ProblemResponses.fromEngine(o.refusal()));
      }
    }
    ApiJson.write(ctx, 200, new CompleteBatchResponse(Arrays.asList(outcomes)));
  }

  /** The item as a report, or a 400 naming its bad field ({@code at} is the item's path). */
  private static RemoteActivityReport report(CompleteBatchItem item, String at) {
    if (item == null) {
      throw ApiProblem.badField(at, null, at + " must be an object with a 'taskToken'");
    }
    if (item.taskToken() == null || item.taskToken().isBlank()) {
      throw ApiProblem.badField(
          at + ".taskToken",
          item.taskToken(),
          "field '" + at + ".taskToken' is required: the token a poll returned (not blank)");
    }
    if (item.failure() == null) {
      return RemoteActivityReport.completed(
          item.taskToken(), JsonPayloads.toPayload(item.result()));
    }
    if (item.result() != null) {
      throw ApiProblem.badField(
          at,
          null,
          at + " carries both 'result' and 'failure': an attempt either returned or failed");
    }
    return RemoteActivityReport.failed(item.taskToken(), failure(item.failure(), at + ".failure."));
  }

  /**
   * A fail body as the engine's failure; {@code prefix} goes before field names in a problem (empty
   * for the fail route's own body).
   */
  static RemoteActivityFailure failure(FailRequest req, String prefix) {
    if (req.type() == null || req.type().isBlank()) {
      throw ApiProblem.badField(
          prefix + "type",
          req.type(),
          "field '" + prefix + "type' is required: the failure type (not blank)");
    }
    JsonNode d = req.details();
    String details = d == null || d.isNull() ? "" : d.isTextual() ? d.asText() : d.toString();
    return new RemoteActivityFailure(
        req.type(), req.message(), details, Boolean.TRUE.equals(req.nonRetryable()));
  }

  private static CompleteBatchOutcome refused(CompleteBatchItem item, ApiProblem p) {
    return new CompleteBatchOutcome(
        item == null ? null : item.taskToken(),
        "refused",
        new ItemProblem(
            p.type(),
            p.title(),
            p.status(),
            p.getMessage() == null ? p.title() : p.getMessage(),
            p.field(),
            p.value() == null ? null : ApiJson.MAPPER.valueToTree(p.value())));
  }
}
