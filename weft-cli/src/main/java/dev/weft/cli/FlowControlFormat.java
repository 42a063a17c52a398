package dev.weft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code weft queue} prints task queue flow control (the API's {@code FlowControl}): per queue,
 * its pause, paused activity types, rate limit and fairness key limits; or the JSON.
 */
final class FlowControlFormat {
  private FlowControlFormat() {}

  /** Prints every queue's flow control, or one queue's when {@code queue} is not null. */
  static int print(JsonNode doc, String queue, OutputFormat output, PrintStream out) {
    List<String> queues = new ArrayList<>();
    if (queue != null) {
      queues.add(queue);
    } else {
      doc.path("queues").forEach(q -> queues.add(q.asText()));
    }
    if (output == OutputFormat.json) {
      out.println(ApiHttp.pretty(queue == null ? doc : one(doc, queue)));
      return 0;
    }
    for (String q : queues) {
      out.println(q);
      JsonNode pause = doc.path("pausedQueues").path(q);
      out.printf("  Paused:          %s%n", pause.isMissingNode() ? "no" : "yes" + reason(pause));
      List<String> types = new ArrayList<>();
      doc.path("pausedActivityTypes")
          .path(q)
          .fields()
          .forEachRemaining(t -> types.add(t.getKey() + reason(t.getValue())));
      out.printf("  Paused types:    %s%n", types.isEmpty() ? "none" : String.join(", ", types));
      JsonNode rate = doc.path("queueRates").path(q);
      out.printf("  Rate limit:      %s%n", rate.isMissingNode() ? "none" : rate(rate));
      List<String> keys = new ArrayList<>();
      doc.path("keyLimits")
          .path(q)
          .fields()
          .forEachRemaining(k -> keys.add(k.getKey() + ": " + keyLimit(k.getValue())));
      out.printf("  Key limits:      %s%n", keys.isEmpty() ? "none" : String.join("; ", keys));
    }
    return 0;
  }

  /** One queue's parts of the document. */
  private static JsonNode one(JsonNode doc, String queue) {
    ObjectNode n = JsonValues.MAPPER.createObjectNode();
    n.put("taskQueue", queue);
    for (String part : List.of("pausedQueues", "pausedActivityTypes", "queueRates", "keyLimits")) {
      JsonNode v = doc.path(part).path(queue);
      if (!v.isMissingNode()) {
        n.set(
            part.equals("pausedQueues") ? "pause" : part.equals("queueRates") ? "rateLimit" : part,
            v);
      }
    }
    return n;
  }

  private static String reason(JsonNode pause) {
    String reason = pause.path("reason").asText("");
    return reason.isEmpty() ? "" : " (" + reason + ")";
  }

  private static String rate(JsonNode rate) {
    return rate.path("perSecond").asDouble() + "/s, burst " + rate.path("burst").asInt();
  }

  private static String keyLimit(JsonNode limit) {
    List<String> parts = new ArrayList<>();
    if (limit.hasNonNull("maxRunning")) {
      parts.add("at most " + limit.path("maxRunning").asInt() + " running");
    }
    if (limit.hasNonNull("rate")) {
      parts.add(rate(limit.path("rate")));
    }
    return String.join(", ", parts);
  }
}
