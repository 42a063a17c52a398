/**
 * The benchmark harness behind {@code weft bench}: each {@link dev.weft.bench.Workload} runs
 * against a fresh, durable store in a temporary directory (a SQLite file, or a database of a
 * PostgreSQL server started for the run) and reports its figures; {@link
 * dev.weft.bench.BenchRunner} prints a short summary and, as its last line, one JSON object. The
 * cluster workload runs its engines in child processes ({@link dev.weft.bench.ClusterNode}).
 */
package dev.weft.bench;
