/**
 * The assets testing kit: materialize a selection in-process on a throwaway engine and store, with
 * in-memory IO managers and given upstream values, and assert outputs, metadata, data versions,
 * checks, statuses and stale reasons. Start at {@link dev.weft.assets.testing.AssetTesting}.
 */
package dev.weft.assets.testing;
