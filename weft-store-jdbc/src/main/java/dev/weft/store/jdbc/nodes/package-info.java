/**
 * The engine-nodes store extension ({@link dev.weft.store.jdbc.nodes.EngineNodesExtension}): the
 * SQL side of {@link dev.weft.store.nodes}, the nodes of a store with their heartbeats.
 */
package dev.weft.store.jdbc.nodes;
