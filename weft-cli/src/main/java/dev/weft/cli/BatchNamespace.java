package dev.weft.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** The namespace a {@code weft batch} subcommand works in, and the API paths of its batches. */
final class BatchNamespace {
  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  /** The collection of the namespace's batch operations. */
  String path() {
    return "/api/v1/namespaces/" + encode(namespace) + "/batch-operations";
  }

  /** One batch operation. */
  String path(String jobId) {
    return path() + "/" + encode(jobId);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
