/**
 * The embedded client: starts, signals, updates, queries, results, listings, resets and imports,
 * talking to the store directly. Uses the layers below it up to {@code activity} (asynchronous
 * activity completion); never the workers.
 */
package dev.weft.internal.client;
