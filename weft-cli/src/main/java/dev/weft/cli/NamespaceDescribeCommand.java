package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weft namespace describe NAME}: {@code GET /api/v1/namespaces/NAME}. */
@Command(name = "describe", description = "Shows a namespace: description, retention, times.")
final class NamespaceDescribeCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Parameters(index = "0", paramLabel = "NAME", description = "the namespace")
  private String name;

  private final PrintStream out;
  private final PrintStream err;

  NamespaceDescribeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err, http -> NamespaceFormat.print(http.get(NamespaceFormat.path(name)), api.output, out));
  }
}
