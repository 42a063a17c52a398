package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code weft batch list}: the namespace's batch operations, newest first. */
@Command(name = "list", description = "Lists the namespace's batch operations, newest first.")
final class BatchListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private BatchNamespace batches;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "at most this many, 1 to 1000 (default: ${DEFAULT-VALUE})")
  private int limit;

  private final PrintStream out;
  private final PrintStream err;

  BatchListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http ->
            BatchFormat.printList(http.get(batches.path() + "?limit=" + limit), api.output, out));
  }
}
