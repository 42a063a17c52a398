/**
 * Pure workflow execution: a run's code on coroutines, its commands, replay against recorded
 * history, and the implementation behind the static {@code Workflow} API. No store and no engine
 * state: a runner takes inbound events and returns command events. Uses {@code codec} and {@code
 * definition} only.
 */
package dev.weft.internal.runtime;
