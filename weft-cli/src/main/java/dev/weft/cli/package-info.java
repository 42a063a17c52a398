/**
 * The {@code weft} command: {@link dev.weft.cli.WeftCli} is the entry point, one class per
 * subcommand ({@link dev.weft.cli.DemoCommand}, ...). Packaged as the runnable jar {@code
 * weft-cli/target/weft.jar}, started by the {@code ./weft} launcher.
 */
package dev.weft.cli;
