/**
 * Writing workflows: durable, deterministic Java code.
 *
 * <p>A workflow is an interface annotated {@link dev.weft.workflow.WorkflowInterface} with one
 * {@link dev.weft.workflow.WorkflowMethod}, optional {@link dev.weft.workflow.SignalMethod}s and
 * {@link dev.weft.workflow.QueryMethod}s, and an implementation registered on an engine. Its code
 * runs on virtual threads and is replayed from the run's history after a restart, so it must be
 * deterministic: time, randomness, sleeps, concurrency and I/O go through {@link
 * dev.weft.workflow.Workflow} (and activities), never through the JDK directly.
 *
 * <p>Workflow code must not swallow {@link java.lang.Error}s (catch {@code Exception}, not {@code
 * Throwable}): the engine unwinds evicted workflows with a dedicated error.
 */
package dev.weft.workflow;
