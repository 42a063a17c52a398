package dev.weft.schedules.internal;

import dev.weft.engine.EngineService;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.WebhookActionJson;
import dev.weft.schedules.WebhookDefinition;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.webhooks.ReplaceWebhooks;
import dev.weft.store.webhooks.StoredWebhook;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Writes an app's webhook definitions to the store when the engine starts: the app's hooks in the
 * engine's namespace become exactly these (one {@link ReplaceWebhooks}). Keeps no thread.
 */
public final class WebhookRegistration implements EngineService {
  private final WeftEngine engine;
  private final String source;
  private final List<WebhookDefinition> definitions;
  private final Clock clock;

  /** Registers {@code definitions} as {@code source}'s hooks in {@code engine}'s namespace. */
  public WebhookRegistration(
      WeftEngine engine, String source, List<WebhookDefinition> definitions, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.source = Objects.requireNonNull(source, "source");
    this.definitions = List.copyOf(definitions);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Writes the definitions.
   *
   * @throws IllegalStateException with the store's reason if it refused them (a hook name another
   *     app defines in the namespace)
   */
  @Override
  public void start() {
    Instant now = clock.instant();
    String namespace = engine.namespace();
    List<StoredWebhook> rows =
        definitions.stream()
            .map(
                d ->
                    new StoredWebhook(
                        namespace,
                        d.name(),
                        source,
                        d.secretEnv(),
                        WebhookActionJson.write(d.action()),
                        now))
            .toList();
    CommitResult result =
        engine.store().commit(Batch.of(new ReplaceWebhooks(namespace, source, rows))).join();
    if (result instanceof CommitResult.Conflict conflict) {
      throw new IllegalStateException(
          "cannot register the webhooks of " + source + ": " + conflict.reason());
    }
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "webhooks of " + source;
  }
}
