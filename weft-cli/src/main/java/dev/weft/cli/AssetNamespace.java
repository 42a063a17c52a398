package dev.weft.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * The namespace a {@code weft asset} subcommand works in, and the API paths of its assets (a key's
 * {@code /} is encoded as {@code %2F} in its one path segment).
 */
final class AssetNamespace {
  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  /** The namespace's base path. */
  String base() {
    return "/api/v1/namespaces/" + encode(namespace);
  }

  /** The collection of the namespace's assets. */
  String assets() {
    return base() + "/assets";
  }

  /** One asset. */
  String asset(String key) {
    return assets() + "/" + encode(key);
  }

  /** One workflow (a materialization). */
  String workflow(String workflowId) {
    return base() + "/workflows/" + encode(workflowId);
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
