package dev.weft.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The task queue a {@code weft queue} subcommand acts on, and the namespace it is asked in. */
final class QueueTarget {
  @Parameters(index = "0", paramLabel = "QUEUE", description = "the task queue")
  private String queue;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = "${env:WEFT_NAMESPACE:-default}",
      description = "the namespace (env WEFT_NAMESPACE; default: default)")
  private String namespace;

  /** The queue's name. */
  String name() {
    return queue;
  }

  /** The path of the namespace's flow control in the API. */
  String flowControlPath() {
    return "/api/v1/namespaces/" + encode(namespace) + "/flow-control";
  }

  /** The queue's path in the API. */
  String path() {
    return "/api/v1/namespaces/" + encode(namespace) + "/task-queues/" + encode(queue);
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
