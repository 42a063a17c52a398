/**
 * Activities: the non-deterministic part of a workflow (I/O, calls to other services), declared as
 * Java interfaces annotated {@link dev.weft.activity.ActivityInterface} and called from workflow
 * code through stubs made from {@link dev.weft.activity.ActivityOptions}. Delivery is
 * at-least-once; the recorded result is exactly-once. {@link dev.weft.activity.Activity} gives
 * running activity code its context: heartbeats, attempt number, previous progress.
 */
package dev.weft.activity;
