package dev.weft.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The sensor a {@code weft sensor} subcommand names: {@code NAME} and {@code --namespace}. */
final class SensorTarget {
  @Parameters(index = "0", paramLabel = "NAME", description = "the sensor's name")
  String name;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  String namespace;

  /** The API path of the sensor. */
  String path() {
    return "/api/v1/namespaces/"
        + QueueTarget.encode(namespace)
        + "/sensors/"
        + QueueTarget.encode(name);
  }
}
