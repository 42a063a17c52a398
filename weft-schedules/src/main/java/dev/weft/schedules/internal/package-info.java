/**
 * The engine part of schedules, sensors and webhooks: the built-in workflows and the activities
 * they run. Not an API: its types may change at any time.
 */
package dev.weft.schedules.internal;
