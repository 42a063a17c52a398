package dev.weft.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft namespace create NAME [--retention P30D] [--description TEXT]}: {@code POST
 * /api/v1/namespaces}; prints the namespace as created.
 */
@Command(name = "create", description = "Creates a namespace (the server's ADMIN role).")
final class NamespaceCreateCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "the namespace: 1 to 64 characters of A-Z a-z 0-9 . _ -")
  private String name;

  @Option(
      names = "--retention",
      paramLabel = "DURATION",
      description = "how long closed runs are kept, ISO-8601 (P7D, PT36H; default P30D)")
  private Duration retention;

  @Option(names = "--description", paramLabel = "TEXT", description = "what the namespace is for")
  private String description;

  private final PrintStream out;
  private final PrintStream err;

  NamespaceCreateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    if (description != null) {
      body.put("description", description);
    }
    if (retention != null) {
      body.put("retention", retention.toString());
    }
    return api.run(
        err,
        http ->
            NamespaceFormat.print(http.post(NamespaceFormat.path(null), body), api.output, out));
  }
}
