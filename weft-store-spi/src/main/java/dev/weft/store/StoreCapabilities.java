package dev.weft.store;

/**
 * What a store guarantees beyond the contract every store meets.
 *
 * @param exclusiveAccess whether one process at a time owns the store (an embedded file store):
 *     when it starts, every lease found belongs to a process that is gone and can be released at
 *     once instead of waiting for it to expire
 * @param name a short name for logs and benchmarks ({@code sqlite}, {@code postgres})
 */
public record StoreCapabilities(boolean exclusiveAccess, String name) {}
