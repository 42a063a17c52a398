/**
 * This node's shared state, which every layer above reads: what it serves ({@code Registry}), the
 * cache of runs it holds, its clock and run IDs, waiters of clients, work in progress, the
 * flow-control settings it follows, and the worker slots it leases eager tasks to ({@code
 * EagerDispatch}, implemented by the worker's dispatcher). Uses {@code codec}, {@code definition}
 * and {@code runtime}.
 */
package dev.weft.internal.engine;
