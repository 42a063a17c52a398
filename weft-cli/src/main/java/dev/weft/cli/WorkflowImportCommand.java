package dev.weft.cli;

import dev.weft.client.WorkflowDescription;
import dev.weft.history.WorkflowHistory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code weft workflow import HISTORY_JSON}: writes a run from an exported history, keeping its
 * workflow and run IDs ({@link dev.weft.client.WeftClient#importHistory}), and prints them with the
 * run's status. A closed history becomes a closed run, for inspection; an open one a running run
 * that goes on in the next engine serving its task queue. A missing or malformed file exits 2; a
 * run that exists already exits 1.
 */
@Command(
    name = "import",
    description = {
      "Writes a run from a history exported as JSON, with its workflow and run IDs.",
      "A closed history becomes a closed run; an open one goes on in the server's engine (over"
          + " the API) or in the next engine that opens the store (offline)."
    })
final class WorkflowImportCommand implements Callable<Integer> {
  @Mixin private ClientOptions store;

  @Parameters(index = "0", paramLabel = "HISTORY_JSON", description = "the exported history file")
  private Path historyFile;

  private final PrintStream out;
  private final PrintStream err;

  WorkflowImportCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return store.run(
        err,
        client -> {
          WorkflowHistory history =
              WorkflowHistory.read(ClientOptions.requireFile(historyFile, "history file"));
          WorkflowDescription run = client.importHistory(history).describe();
          out.println(
              "imported workflow "
                  + run.workflowId()
                  + " run "
                  + run.runId()
                  + ": "
                  + run.status()
                  + ", "
                  + run.historyLength()
                  + " events");
          return 0;
        });
  }
}
