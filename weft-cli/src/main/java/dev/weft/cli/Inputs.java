package dev.weft.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --input JSON}, repeatable: the arguments of a workflow, signal, query or update. */
final class Inputs {
  @Option(
      names = {"-i", "--input"},
      paramLabel = "JSON",
      description = "an argument as a JSON value, e.g. '\"dave\"' or '{\"id\":7}'; repeatable")
  private List<String> inputs = new ArrayList<>();

  /** The arguments, parsed. */
  Object[] values() {
    return JsonValues.parse("--input", inputs);
  }
}
