package dev.weft.client;

/**
 * Which runs to list. Immutable; build with the static and wither methods.
 *
 * <pre>{@code
 * client.listWorkflows(WorkflowFilter.all().withStatus(WorkflowStatus.RUNNING).withType("OrderWorkflow"));
 * }</pre>
 *
 * @param status only this status, or {@code null}
 * @param workflowType only this type, or {@code null}
 * @param workflowId only this workflow ID, or {@code null}
 * @param pageSize runs per page (1..1000)
 * @param pageToken the previous page's {@link WorkflowPage#nextPageToken()}, or {@code null}
 */
public record WorkflowFilter(
    WorkflowStatus status, String workflowType, String workflowId, int pageSize, String pageToken) {

  /** Validates the filter. */
  public WorkflowFilter {
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException(
          "WorkflowFilter.pageSize must be in 1..1000, was " + pageSize);
    }
  }

  /** Returns a filter that matches every run, 100 per page. */
  public static WorkflowFilter all() {
    return new WorkflowFilter(null, null, null, 100, null);
  }

  /** Returns this filter restricted to a status. */
  public WorkflowFilter withStatus(WorkflowStatus status) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken);
  }

  /** Returns this filter restricted to a workflow type. */
  public WorkflowFilter withType(String workflowType) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken);
  }

  /** Returns this filter restricted to a workflow ID. */
  public WorkflowFilter withWorkflowId(String workflowId) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken);
  }

  /** Returns this filter with another page size. */
  public WorkflowFilter withPageSize(int pageSize) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken);
  }

  /** Returns this filter positioned at a page. */
  public WorkflowFilter pageToken(String pageToken) {
    return new WorkflowFilter(status, workflowType, workflowId, pageSize, pageToken);
  }
}
