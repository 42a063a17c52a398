package dev.weft.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weft batch stop JOB_ID}: stops a running batch operation. */
@Command(
    name = "stop",
    description = "Stops a running batch operation; runs it has not visited are left alone.")
final class BatchStopCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private BatchNamespace batches;

  @Parameters(index = "0", paramLabel = "JOB_ID", description = "the batch's job ID")
  private String jobId;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      defaultValue = "by weft batch stop",
      description = "why (default: ${DEFAULT-VALUE})")
  private String reason;

  private final PrintStream out;
  private final PrintStream err;

  BatchStopCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          http.post(batches.path(jobId) + "/stop", Map.of("reason", reason));
          out.println("stopped batch operation " + jobId);
          return 0;
        });
  }
}
