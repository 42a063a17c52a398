package dev.weft.store;

import dev.weft.common.WorkflowStatus;
import java.util.List;
import java.util.Objects;

/**
 * What to list or count: the runs of a namespace that match every condition given, one page at a
 * time.
 *
 * <p>The simple conditions ({@code status}, {@code workflowType}, {@code workflowId}) and the
 * {@code filter} all apply (AND). Without {@code orderBy}, runs come newest first (StartTime DESC,
 * then RunId DESC) and pages are keyed by the last run's start time and ID, so runs started while
 * paging never shift a page. With another order, page tokens are offsets: a run inserted, closed or
 * changed between two pages may shift the rest of the listing by one (seen twice or skipped). Every
 * order ends with RunId DESC as the tie-breaker (unless it names RunId itself), so a listing that
 * does not change visits every match exactly once. A page token only fits a query with the same
 * order: {@link Store#listRuns} refuses any other.
 *
 * <pre>{@code
 * ParsedQuery parsed = RunFilterParser.parse("Amount > 100 ORDER BY Amount DESC", known);
 * RunPage page = store.listRuns(new RunQuery("default", 50).withFilter(parsed));
 * }</pre>
 *
 * @param namespace the namespace to list
 * @param status only runs in this status, or {@code null} for any
 * @param workflowType only runs of this type, or {@code null} for any
 * @param workflowId only runs of this workflow ID, or {@code null} for any
 * @param pageSize the maximum number of runs to return
 * @param pageToken the {@link RunPage#nextPageToken()} of the previous page, or {@code null}
 * @param filter a condition on runs, or {@code null} for none
 * @param orderBy the order, empty for newest first
 */
public record RunQuery(
    String namespace,
    WorkflowStatus status,
    String workflowType,
    String workflowId,
    int pageSize,
    String pageToken,
    RunFilter filter,
    List<RunOrder> orderBy) {

  /** Validates the query. */
  public RunQuery {
    Objects.requireNonNull(namespace, "namespace");
    if (pageSize < 1 || pageSize > 10_000) {
      throw new IllegalArgumentException("pageSize must be in 1..10000, was " + pageSize);
    }
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
  }

  /** A query with the simple conditions only, newest first. */
  public RunQuery(
      String namespace,
      WorkflowStatus status,
      String workflowType,
      String workflowId,
      int pageSize,
      String pageToken) {
    this(namespace, status, workflowType, workflowId, pageSize, pageToken, null, List.of());
  }

  /** The first page of every run of a namespace, newest first. */
  public RunQuery(String namespace, int pageSize) {
    this(namespace, null, null, null, pageSize, null);
  }

  /** Returns this query with a filter and an order (empty for newest first). */
  public RunQuery withFilter(RunFilter filter, List<RunOrder> orderBy) {
    return new RunQuery(
        namespace, status, workflowType, workflowId, pageSize, pageToken, filter, orderBy);
  }

  /** Returns this query with the filter and order of a parsed query. */
  public RunQuery withFilter(ParsedQuery parsed) {
    return withFilter(parsed.filter(), parsed.orderBy());
  }

  /** Returns this query for the page after the one that returned {@code token}. */
  public RunQuery withPageToken(String token) {
    return new RunQuery(
        namespace, status, workflowType, workflowId, pageSize, token, filter, orderBy);
  }

  /**
   * Returns whether the order is the default (newest first): no order, or StartTime DESC,
   * optionally followed by RunId DESC.
   */
  public boolean hasDefaultOrder() {
    return switch (orderBy.size()) {
      case 0 -> true;
      case 1 -> orderBy.get(0).equals(RunOrder.desc(RunField.BuiltIn.START_TIME));
      case 2 ->
          orderBy.get(0).equals(RunOrder.desc(RunField.BuiltIn.START_TIME))
              && orderBy.get(1).equals(RunOrder.desc(RunField.BuiltIn.RUN_ID));
      default -> false;
    };
  }
}
