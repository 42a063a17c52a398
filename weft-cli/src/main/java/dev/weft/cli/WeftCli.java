package dev.weft.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code weft} command. Without a subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft demo        # run the examples end to end
 * weft server --store postgres://weft:secret@db:5432/weft   # a node serving the examples
 * weft workflow list --store weft.db   # the runs of a store (also describe, export, import, reset)
 * weft --help      # list the subcommands
 * weft --version
 * </pre>
 *
 * <p>{@code weft bench} is not in this jar: here it only says where the benchmarks are. The
 * benchmarks' jar ({@code weft-benchmarks}) builds its command line from {@link #commandLine} and
 * replaces that subcommand with the real one.
 */
@Command(
    name = "weft",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Weft: durable workflows for the JVM.",
    subcommands = CommandLine.HelpCommand.class)
public final class WeftCli implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(System.out, System.err).execute(args));
  }

  /**
   * Returns the command line with every subcommand, printing to {@code out} and {@code err}. Tests
   * run it in-process with {@link CommandLine#execute(String...)}. The subcommand named {@code
   * bench} only points to the benchmarks' jar; that jar removes it and adds its own.
   */
  public static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new WeftCli());
    cli.addSubcommand(new DemoCommand(out, err));
    cli.addSubcommand(new DevCommand(out, err));
    cli.addSubcommand(new ServerCommand(err));
    cli.addSubcommand(new BenchElsewhereCommand(err));
    cli.addSubcommand(WorkflowCommand.commandLine(out, err));
    cli.addSubcommand(TokenCommand.commandLine(out, err));
    cli.addSubcommand(NamespaceCommand.commandLine(out, err));
    cli.addSubcommand(QueueCommand.commandLine(out, err));
    cli.addSubcommand(ActivityCommand.commandLine(out, err));
    cli.addSubcommand(BatchCommand.commandLine(out, err));
    cli.addSubcommand(NodeCommand.commandLine(out, err));
    cli.addSubcommand(AssetCommand.commandLine(out, err));
    cli.addSubcommand(BackfillCommand.commandLine(out, err));
    cli.addSubcommand(HookCommand.commandLine(out, err));
    cli.addSubcommand(ScheduleCommand.commandLine(out, err));
    cli.addSubcommand(SensorCommand.commandLine(out, err));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cli;
  }

  /** Prints the usage (no subcommand was given) and returns the usage-error exit code. */
  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    cli.usage(cli.getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
