/**
 * The embedded SQLite store: Weft's default, so a laptop needs no server.
 *
 * <p>One file in WAL mode, {@code synchronous=FULL} by default (an acknowledged step survives a
 * killed process and a power loss), one writer thread with group commit, a few read connections,
 * and an exclusive lock so that one process at a time owns the file.
 */
package dev.weft.store.sqlite;
