/**
 * The testing kit: {@link dev.weft.testing.WeftTestEnvironment} runs an engine on a throwaway store
 * with a clock that skips time (a workflow that sleeps 7 days completes in milliseconds; {@code
 * sleep} fires each timer at its own due time, {@code awaitIdle} waits for the engine's work),
 * {@link dev.weft.testing.WeftExtension} gives each JUnit 5 test its own environment and injects
 * typed workflow stubs, the client, the worker and the registered activity objects, and {@link
 * dev.weft.testing.WorkflowReplayer} replays recorded histories against current code to catch
 * incompatible changes before they reach running workflows.
 */
package dev.weft.testing;
