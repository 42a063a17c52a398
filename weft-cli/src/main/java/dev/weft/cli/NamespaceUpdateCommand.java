package dev.weft.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft namespace update NAME [--retention DURATION] [--description TEXT]}: {@code PATCH
 * /api/v1/namespaces/NAME} with what is given (at least one); prints the namespace after the
 * change.
 */
@Command(
    name = "update",
    description = "Changes a namespace's retention or description (the server's ADMIN role).")
final class NamespaceUpdateCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the namespace")
  private String name;

  @Option(
      names = "--retention",
      paramLabel = "DURATION",
      description = "how long closed runs are kept from the next sweep on, ISO-8601 (P14D)")
  private Duration retention;

  @Option(names = "--description", paramLabel = "TEXT", description = "the new description")
  private String description;

  private final PrintStream out;
  private final PrintStream err;

  NamespaceUpdateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (retention == null && description == null) {
      throw new ParameterException(
          spec.commandLine(), "nothing to update: give --retention or --description (or both)");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (description != null) {
      body.put("description", description);
    }
    if (retention != null) {
      body.put("retention", retention.toString());
    }
    return api.run(
        err,
        http ->
            NamespaceFormat.print(http.patch(NamespaceFormat.path(name), body), api.output, out));
  }
}
