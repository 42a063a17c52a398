/**
 * The {@code weft} command: {@link dev.weft.cli.WeftCli} is the entry point, one class per
 * subcommand ({@link dev.weft.cli.DemoCommand}, ...); the {@code workflow} group's subcommands
 * share their store options through {@link dev.weft.cli.StoreOptions}. Packaged as the runnable jar
 * {@code weft-cli/target/weft.jar}, started by the {@code ./weft} launcher.
 */
package dev.weft.cli;
