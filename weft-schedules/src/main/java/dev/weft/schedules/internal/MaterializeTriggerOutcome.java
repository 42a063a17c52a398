package dev.weft.schedules.internal;

/**
 * How a triggered materialization ended.
 *
 * @param materializationId the workflow ID of the {@code __weft_materialize} child
 * @param succeeded whether every selected asset materialized
 */
public record MaterializeTriggerOutcome(String materializationId, boolean succeeded) {}
