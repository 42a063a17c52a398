package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weft batch describe JOB_ID}: a batch operation's state and progress. */
@Command(name = "describe", description = "Prints a batch operation's state and progress.")
final class BatchDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private BatchNamespace batches;

  @Parameters(index = "0", paramLabel = "JOB_ID", description = "the batch's job ID")
  private String jobId;

  private final PrintStream out;
  private final PrintStream err;

  BatchDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(err, http -> BatchFormat.print(http.get(batches.path(jobId)), api.output, out));
  }
}
