package dev.weft.store.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook definition as the store keeps it. The store does not interpret the action: it is the
 * JSON document of the action template that the app wrote and the server reads.
 *
 * @param namespace the namespace the hook's deliveries run in
 * @param name the hook's name, unique in its namespace, the last segment of its URL
 * @param source who defined it (an app's code location); {@link ReplaceWebhooks} replaces the hooks
 *     of one source and leaves the others
 * @param secretEnv the name of the environment variable that holds the signing secret (never the
 *     secret itself)
 * @param action the action template, a JSON document
 * @param updatedAt when it was last written
 */
public record StoredWebhook(
    String namespace,
    String name,
    String source,
    String secretEnv,
    String action,
    Instant updatedAt) {

  /** Validates the definition. */
  public StoredWebhook {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(secretEnv, "secretEnv");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a webhook of namespace " + namespace + " has no name");
    }
  }
}
