/**
 * The engine nodes of a store, kept by a store extension: each engine records itself with {@link
 * dev.weft.store.nodes.PutNode} when it starts and at every heartbeat, {@link
 * dev.weft.store.nodes.DeleteNodes} forgets long-dead ones, {@link
 * dev.weft.store.nodes.StoredNodes} reads them (through {@link dev.weft.store.Store#extension}).
 */
package dev.weft.store.nodes;
