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
import java.util.List;

/**
 * {@code POST .../activity-tasks/complete-batch}: several attempts' results and failures in one
 * request, recorded by {@link RemoteActivities#completeBatch}. A body that is not a well-formed
 * batch (bad JSON, an unknown field, a wrong type, no items or more than {@value
 * RemoteActivities#MAX_REPORT_BATCH}, an item without a task token, with a failure without a type,
 * or with both a result and a failure) is a 400 for the request that records nothing; a well-formed
 * batch gets one outcome per item in the 200 answer, and an item the engine refuses (lease lost,
 * unknown token, payload over the limit) changes nothing and holds back no other.
 */
final class CompleteBatchRoute {
  private CompleteBatchRoute() {}

  static void handle(Context ctx, RemoteActivities remote) {
    CompleteBatchRequest req = ApiJson.read(ctx, CompleteBatchRequest.class);
    List<CompleteBatchItem> items = req.items();
    if (items == null) {
      throw ApiProblem.badField(
          "items",
          null,
          "field 'items' is required: the reports, 1 to " + RemoteActivities.MAX_REPORT_BATCH);
    }
    List<RemoteActivityReport> reports = reports(items, "items", 1);
    ApiJson.write(ctx, 200, new CompleteBatchResponse(record(remote, reports)));
  }

  /**
   * The items of the body's field {@code field} as reports, checked whole before anything is
   * recorded: a 400 naming the field for fewer than {@code min} items or more than {@value
   * RemoteActivities#MAX_REPORT_BATCH}, or for a bad item ({@code items[2].failure.type}).
   */
  static List<RemoteActivityReport> reports(List<CompleteBatchItem> items, String field, int min) {
    if (items.size() < min || items.size() > RemoteActivities.MAX_REPORT_BATCH) {
      throw ApiProblem.badField(
          field,
          items.size() + " items",
          "field '"
              + field
              + "' must hold "
              + min
              + " to "
              + RemoteActivities.MAX_REPORT_BATCH
              + " items, held "
              + items.size());
    }
    List<RemoteActivityReport> reports = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      reports.add(report(items.get(i), field + "[" + i + "]"));
    }
    return reports;
  }

  /** Records {@code reports} together; returns one outcome per report, in their order. */
  static List<CompleteBatchOutcome> record(
      RemoteActivities remote, List<RemoteActivityReport> reports) {
    List<RemoteActivityReportOutcome> recorded = remote.completeBatch(reports);
    List<CompleteBatchOutcome> outcomes = new ArrayList<>(recorded.size());
    for (int i = 0; i < recorded.size(); i++) {
      outcomes.add(outcome(recorded.get(i), reports.get(i)));
    }
    return outcomes;
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

  private static CompleteBatchOutcome outcome(
      RemoteActivityReportOutcome o, RemoteActivityReport report) {
    if (o.recorded()) {
      return new CompleteBatchOutcome(
          o.taskToken(),
          report instanceof RemoteActivityReport.Failed ? "failed" : "completed",
          null);
    }
    ApiProblem p = ProblemResponses.fromEngine(o.refusal());
    return new CompleteBatchOutcome(
        o.taskToken(),
        "refused",
        new ItemProblem(
            p.type(),
            p.title(),
            p.status(),
            p.getMessage() == null ? p.title() : p.getMessage(),
            p.field()));
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
}
