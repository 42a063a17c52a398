package dev.weft.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code weft workflow}: the operator's commands on workflow runs, over the HTTP API of {@code weft
 * dev} or {@code weft server} (the default: {@code --address}, {@code --token}, {@code
 * --namespace}), or offline on a store ({@code --store}: a SQLite file or a PostgreSQL database; no
 * workflow code runs in the CLI). Without a subcommand it prints its usage and exits 2.
 *
 * <pre>
 * weft workflow start --type OrderWorkflow --task-queue orders -i '{...}' --wait
 * weft workflow list --query "WorkflowType = 'Order' AND Status = 'Running'"
 * weft workflow signal approval-exp-2001 approve -i '"dave"' -i '"ok"'
 * weft workflow describe --store postgres://weft:secret@db:5432/weft order-42
 * weft workflow reset --store weft.db order-42 --event-id 9 --reason "fixed deploy"
 * </pre>
 */
@Command(
    name = "workflow",
    description = {
      "Starts, lists, describes, signals, queries, updates, cancels, terminates, pauses, resumes,"
          + " exports, imports and resets workflow runs.",
      "Over the HTTP API by default (--address, or WEFT_ADDRESS; http://127.0.0.1:7070 where"
          + " weft dev listens), or offline on a store (--store LOCATION, a SQLite file or a"
          + " PostgreSQL database; --db is an alias): no workflow code runs in the CLI. A SQLite"
          + " file is refused while an engine has it open; a PostgreSQL database may be served by"
          + " nodes meanwhile.",
      "Exit codes: 0 done, 1 the operation failed or was refused, 2 bad usage."
    },
    footer = {
      "",
      "Examples:",
      "  weft workflow start --type OrderWorkflow --task-queue orders -i '{\"orderId\":\"7\"}' --wait",
      "  weft workflow list --query \"WorkflowType = 'Order' AND Status = 'Running'\"",
      "  weft workflow signal approval-exp-2001 approve -i '\"dave\"' -i '\"ok\"'",
      "  weft workflow describe --store postgres://weft:secret@db:5432/weft order-42",
      "  weft workflow export --store weft.db order-42 --out order-42.json",
      "  weft workflow reset --store weft.db order-42 --event-id 9 --reason \"fixed deploy\""
    })
final class WorkflowCommand extends CommandGroup {

  /** Returns the command with its subcommands, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return new WorkflowCommand()
        .withSubcommands(
            new WorkflowStartCommand(out, err),
            new WorkflowListCommand(out, err),
            new WorkflowCountCommand(out, err),
            new WorkflowAttentionCommand(out, err),
            new WorkflowDescribeCommand(out, err),
            new WorkflowHistoryCommand(out, err),
            new WorkflowSignalCommand(out, err),
            new WorkflowQueryCommand(out, err),
            new WorkflowUpdateCommand(out, err),
            new WorkflowCancelCommand(out, err),
            new WorkflowTerminateCommand(out, err),
            new WorkflowPauseCommand(out, err),
            new WorkflowResumeCommand(out, err),
            new WorkflowExportCommand(out, err),
            new WorkflowImportCommand(out, err),
            new WorkflowResetCommand(out, err));
  }
}
