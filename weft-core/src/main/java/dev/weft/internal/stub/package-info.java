/**
 * Typed workflow stubs over any client: the proxies, capture mode ({@code client.start(stub::run,
 * arg)}), typed signal-with-start and update-with-start, turned into the untyped operations of
 * {@link dev.weft.internal.stub.WorkflowCalls} that each client (embedded, over HTTP) implements.
 * Uses only {@code definition}.
 */
package dev.weft.internal.stub;
