/**
 * Batch operations built on Weft itself: a system workflow ({@link
 * dev.weft.internal.batch.BatchWorkflow}) on the internal task queue that every engine serves pages
 * through a list query and applies one operation to each run through the public client, and the
 * client side that starts, describes, lists and stops it over any {@code WeftClient}. Uses only the
 * public API.
 */
package dev.weft.internal.batch;
