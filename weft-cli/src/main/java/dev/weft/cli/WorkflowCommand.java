package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weft workflow}: the operator's commands on the runs of a store (a SQLite file or a
 * PostgreSQL database), with no server and no workers (list, describe, export, import, reset).
 * Without a subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft workflow list --store weft.db --query "WorkflowType = 'Order' AND Status = 'Running'"
 * weft workflow describe --store postgres://weft:secret@db:5432/weft order-42
 * weft workflow export --store weft.db order-42 --out order-42.json
 * weft workflow reset --store weft.db order-42 --event-id 9 --reason "fixed deploy"
 * </pre>
 */
@Command(
    name = "workflow",
    description = {
      "Lists, describes, exports, imports and resets workflow runs in a store: a SQLite file or a"
          + " PostgreSQL database (--store LOCATION; --db is an alias).",
      "Runs no workflow code: a reset or an imported open run goes on in the next engine that"
          + " serves its task queue. A SQLite file is refused while an engine has it open; a"
          + " PostgreSQL database may be served by nodes meanwhile."
    },
    footer = {
      "",
      "Examples:",
      "  weft workflow list --store weft.db --query \"WorkflowType = 'Order' AND Status = 'Running'\"",
      "  weft workflow describe --store postgres://weft:secret@db:5432/weft order-42",
      "  weft workflow export --store weft.db order-42 --out order-42.json",
      "  weft workflow reset --store weft.db order-42 --event-id 9 --reason \"fixed deploy\""
    })
final class WorkflowCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Spec private CommandSpec spec;

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine group = new CommandLine(new WorkflowCommand());
    group.addSubcommand(new WorkflowListCommand(out, err));
    group.addSubcommand(new WorkflowDescribeCommand(out, err));
    group.addSubcommand(new WorkflowExportCommand(out, err));
    group.addSubcommand(new WorkflowImportCommand(out, err));
    group.addSubcommand(new WorkflowResetCommand(out, err));
    // --search-attribute Amount=int as well as Amount=INT
    group.setCaseInsensitiveEnumValuesAllowed(true);
    return group;
  }

  /** Prints the usage (no subcommand was given) and returns the usage-error exit code. */
  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    cli.usage(cli.getErr());
    return CommandLine.ExitCode.USAGE;
  }
}
