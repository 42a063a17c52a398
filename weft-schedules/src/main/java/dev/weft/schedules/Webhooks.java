package dev.weft.schedules;

import dev.weft.engine.WeftEngine;
import dev.weft.schedules.internal.HookDeliveryWorkers;
import dev.weft.schedules.internal.WebhookRegistration;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The webhooks an app defines in code. {@link #builder} before {@code engine.start()}: the delivery
 * workflow is registered on the engine's trigger worker ({@code __weft_schedules}), and when the
 * engine starts the definitions are written to the store, replacing the hooks this app (its {@link
 * Builder#source}) defined in the namespace before: a removed definition is removed. The HTTP
 * server reads them there and serves {@code POST /api/v1/hooks/{name}}.
 *
 * <pre>{@code
 * Webhooks.builder(engine)
 *     .hook(WebhookDefinition.named("approve").secretEnv("APPROVE_HOOK_SECRET")
 *         .signal("approved").workflowIdFrom("/approval/workflowId").build())
 *     .build();
 * engine.start();
 * }</pre>
 */
public final class Webhooks {
  private final String source;
  private final List<WebhookDefinition> definitions;

  private Webhooks(String source, List<WebhookDefinition> definitions) {
    this.source = source;
    this.definitions = definitions;
  }

  /** Starts the webhooks of an app on {@code engine} (not started yet). */
  public static Builder builder(WeftEngine engine) {
    return new Builder(engine);
  }

  /** The app's name under which the definitions are kept. */
  public String source() {
    return source;
  }

  /** The definitions, in the order given. */
  public List<WebhookDefinition> definitions() {
    return definitions;
  }

  /** Collects an app's webhook definitions. */
  public static final class Builder {
    private final WeftEngine engine;
    private final Map<String, WebhookDefinition> hooks = new LinkedHashMap<>();
    private String source = "default";
    private Clock clock = Clock.systemUTC();

    private Builder(WeftEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Adds a hook.
     *
     * @throws IllegalArgumentException if a hook of this name was added already
     */
    public Builder hook(WebhookDefinition definition) {
      Objects.requireNonNull(definition, "definition");
      if (hooks.putIfAbsent(definition.name(), definition) != null) {
        throw new IllegalArgumentException(
            "webhook " + definition.name() + " is defined twice; hook names are unique");
      }
      return this;
    }

    /**
     * Names the app the definitions belong to (default {@code default}): at start, its hooks in the
     * namespace become exactly these; other apps' hooks stay.
     */
    public Builder source(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("source must not be blank, was '" + name + "'");
      }
      this.source = name;
      return this;
    }

    /** The clock that stamps the definitions (default UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Registers the delivery workflow on the engine and the writing of the definitions at start.
     *
     * @throws IllegalStateException if the engine started already
     */
    public Webhooks build() {
      HookDeliveryWorkers.register(engine);
      List<WebhookDefinition> definitions = List.copyOf(hooks.values());
      engine.addService(new WebhookRegistration(engine, source, definitions, clock));
      return new Webhooks(source, definitions);
    }
  }
}
