package dev.weft.internal.runtime;

import dev.weft.workflow.ParentClosePolicy;

/**
 * A child workflow a run started and has not seen close: what the parent-close policy acts on.
 *
 * @param workflowId the child's workflow ID
 * @param policy what happens to it when the parent closes
 */
public record OpenChild(String workflowId, ParentClosePolicy policy) {}
