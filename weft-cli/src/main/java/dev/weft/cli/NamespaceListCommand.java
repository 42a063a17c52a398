package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weft namespace list}: {@code GET /api/v1/namespaces}, a table ordered by name. */
@Command(
    name = "list",
    description = "Lists the namespaces: name, retention, created, description.")
final class NamespaceListCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  private final PrintStream out;
  private final PrintStream err;

  NamespaceListCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> NamespaceFormat.printList(http.get(NamespaceFormat.path(null)), api.output, out));
  }
}
