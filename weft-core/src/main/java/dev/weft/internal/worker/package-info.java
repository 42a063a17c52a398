/**
 * The running side of a node: task pollers and claims, the dispatcher that runs tasks within the
 * worker slots, the workflow task handler, and the due-work loop (timers, timeouts). Uses the
 * layers below it up to {@code activity}; nothing but the assembly uses it.
 */
package dev.weft.internal.worker;
