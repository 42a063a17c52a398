package dev.weft.cli;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft queue flow-control [QUEUE]}: shows the pauses and limits of every task queue, or of
 * one.
 */
@Command(
    name = "flow-control",
    description =
        "Shows the pauses, paused activity types, rate limits and fairness key limits of every"
            + " task queue, or of one.")
final class QueueFlowControlCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUEUE", description = "one task queue")
  private String queue;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  private final PrintStream out;
  private final PrintStream err;

  QueueFlowControlCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String path =
        "/api/v1/namespaces/"
            + URLEncoder.encode(namespace, StandardCharsets.UTF_8).replace("+", "%20")
            + "/flow-control";
    return api.run(err, http -> FlowControlFormat.print(http.get(path), queue, api.output, out));
  }
}
