package dev.weft.internal.stub;

/** A run a start or an update-with-start reached: its workflow ID and run ID. */
public record RunRef(String workflowId, String runId) {}
