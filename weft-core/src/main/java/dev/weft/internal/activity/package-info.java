/**
 * Activity attempts: running claimed, eagerly leased and local attempts, their context (heartbeats,
 * asynchronous completion) and recording their outcomes, eagerly with the workflow task they
 * trigger when possible. Uses the layers below it up to {@code step}.
 */
package dev.weft.internal.activity;
