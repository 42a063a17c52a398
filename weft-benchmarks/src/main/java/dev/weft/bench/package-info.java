/**
 * The benchmark harness behind {@code weft bench}: each {@link dev.weft.bench.Workload} runs
 * against a fresh, durable store in a temporary directory and reports its figures; {@link
 * dev.weft.bench.BenchRunner} prints a short summary and, as its last line, one JSON object.
 */
package dev.weft.bench;
