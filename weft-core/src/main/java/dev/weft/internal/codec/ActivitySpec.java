package dev.weft.internal.codec;

import dev.weft.common.RetryPolicy;
import dev.weft.converter.Payload;

/**
 * What an activity task row carries for the engine (the store sees it as bytes): the input, the
 * retry policy, and which run to report to.
 *
 * @param namespace the run's namespace
 * @param workflowId the workflow that scheduled it
 * @param workflowTaskQueue the queue of the run's workflow tasks (where the result wakes it up)
 * @param input the arguments
 * @param retryPolicy how failed attempts are retried
 */
public record ActivitySpec(
    String namespace,
    String workflowId,
    String workflowTaskQueue,
    Payload input,
    RetryPolicy retryPolicy) {}
