/**
 * What one step of a run writes in its one transaction: a workflow task's commit (history append,
 * activity tasks, timers, children, close), run starts, closes from outside (terminate, timeouts),
 * workflow retries, continue-as-new, resets and imports, history limits, and the eager workflow
 * task that records an event together with the task it triggers. Uses {@code codec}, {@code
 * runtime}, {@code visibility} and {@code engine}.
 */
package dev.weft.internal.step;
