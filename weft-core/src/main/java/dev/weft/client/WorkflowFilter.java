package dev.weft.client;

import dev.weft.common.WorkflowStatus;

/**
 * Which runs to list. Immutable; build with the static and wither methods.
 *
 * <pre>{@code
 * client.listWorkflows(WorkflowFilter.all().withStatus(WorkflowStatus.RUNNING).withType("OrderWorkflow"));
 * client.listWorkflows(WorkflowFilter.query(
 *     "WorkflowType = 'Order' AND Status = 'Running' AND Amount > 100 ORDER BY Amount DESC"));
 * }</pre>
 *
 * <p>The query language, in the style of Temporal's list filters: comparisons ({@code =}, {@code
 * !=}, {@code <}, {@code <=}, {@code >}, {@code >=}), {@code IN (...)}, {@code BETWEEN ... AND
 * ...}, {@code IS [NOT] NULL}, {@code STARTS_WITH}, combined with {@code AND}, {@code OR}, {@code
 * NOT} and parentheses, then an optional {@code ORDER BY field [ASC|DESC], ...}. Fields are the
 * built-ins ({@code WorkflowId}, {@code RunId}, {@code WorkflowType}, {@code TaskQueue}, {@code
 * ExecutionStatus} or {@code Status}, {@code StartTime}, {@code CloseTime}, {@code Paused}) and the
 * search attributes registered on the engine. Strings and times are quoted ({@code StartTime >
 * '2026-01-01T00:00:00Z'}). A comparison is false for a run without the attribute. Without ORDER
 * BY, runs come newest first.
 *
 * @param status only this status, or {@code null}
 * @param workflowType only this type, or {@code null}
 * @param workflowId only this workflow ID, or {@code null}
 * @param pageSize runs per page (1..1000)
 * @param pageToken the previous page's {@link WorkflowPage#nextPageToken()}, or {@code null}
 * @param query a condition and order in the query language, or {@code null}; it applies together
 *     with the other conditions
 */
public record WorkflowFilter(
    WorkflowStatus status,
    String workflowType,
    String workflowId,
    int pageSize,
    String pageToken,
    String query) {

  /** Validates the filter. */
  public WorkflowFilter {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "WorkflowFilter.pageSize must be in 1..1000, was " + pageSize);
    }
  }

  /** Returns a filter that matches every run, 100 per page. */
  public static WorkflowFilter all() {
    return new WorkflowFilter(null, null, null, 100, null, null);
  }

  /** Returns a filter of the runs a query matches, 100 per page. */
  public static WorkflowFilter query(String query) {
    return all().withQuery(query);
  }

  /** Returns this filter with a query (see the class description for the language). */
  public WorkflowFilter withQuery(String query) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken, query);
  }

  /** Returns this filter restricted to a status. */
  public WorkflowFilter withStatus(WorkflowStatus status) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken, query);
  }

  /** Returns this filter restricted to a workflow type. */
  public WorkflowFilter withType(String workflowType) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken, query);
  }

  /** Returns this filter restricted to a workflow ID. */
  public WorkflowFilter withWorkflowId(String workflowId) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken, query);
  }

  /** Returns this filter with another page size. */
  public WorkflowFilter withPageSize(int pageSize) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken, query);
  }

  /** Returns this filter positioned at a page. */
  public WorkflowFilter pageToken(String pageToken) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken, query);
  }
}
