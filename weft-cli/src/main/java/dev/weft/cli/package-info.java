/**
 * The {@code weft} command: {@link dev.weft.cli.WeftCli} is the entry point, one class per
 * subcommand ({@link dev.weft.cli.DemoCommand}, ...); the {@code workflow} group's subcommands
 * share their store options through {@link dev.weft.cli.ClientOptions}. Every command reads a store
 * location the same way, with {@link dev.weft.cli.StoreLocation} (a SQLite file or a PostgreSQL
 * URL); {@link dev.weft.cli.StoreKind} names the kinds. Packaged as the runnable jar {@code
 * weft-cli/target/weft.jar}, started by the {@code ./weft} launcher; it holds no benchmark or
 * test-only binaries ({@code weft bench} runs the benchmarks' own jar).
 */
package dev.weft.cli;
