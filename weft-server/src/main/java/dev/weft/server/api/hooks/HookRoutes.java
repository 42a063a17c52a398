package dev.weft.server.api.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.NamespaceNotFoundException;
import dev.weft.schedules.WebhookAction;
import dev.weft.schedules.WebhookActionJson;
import dev.weft.schedules.WebhookDeliveries;
import dev.weft.schedules.WebhookDelivery;
import dev.weft.schedules.WebhookMappingException;
import dev.weft.server.api.ServedNamespaces;
import dev.weft.server.http.ApiJson;
import dev.weft.server.http.ApiProblem;
import dev.weft.server.http.ApiRole;
import dev.weft.server.http.ApiRoutes;
import dev.weft.server.http.RouteGroup;
import dev.weft.store.webhooks.StoredWebhook;
import dev.weft.store.webhooks.StoredWebhooks;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks: {@code POST /api/v1/hooks/{name}} (namespace {@code default}) and {@code POST
 * /api/v1/namespaces/{namespace}/hooks/{name}} run a hook's action over the request's JSON body,
 * and {@code GET .../hooks} and {@code GET .../hooks/{name}} show the definitions (the secret's
 * variable name, never its value) with a hook's recent deliveries.
 *
 * <p>The deliveries need no Weft token: the signature is the authentication. {@code
 * X-Weft-Signature: sha256=<hex HMAC-SHA256 of the raw body>} under the secret read from the
 * environment variable the hook names, on this node; a missing or wrong signature is 401 and starts
 * nothing (the refusal is logged, without the secret). An {@code Idempotency-Key} header names the
 * delivery: a repeated key answers 200 with the first delivery's IDs and starts nothing; a first
 * delivery answers 202.
 */
public final class HookRoutes implements RouteGroup {
  private static final Logger log = LoggerFactory.getLogger(HookRoutes.class);
  private static final String NAMESPACED = "/api/v1/namespaces/{namespace}/hooks";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final int RECENT_DELIVERIES = 20;

  private final WeftEngine engine;
  private final ServedNamespaces namespaces;
  private final UnaryOperator<String> environment;
  private final Clock clock;

  /**
   * The hook routes of {@code engine}'s store.
   *
   * @param environment reads an environment variable of this node (null when unset): where the
   *     hooks' secrets are
   */
  public HookRoutes(
      WeftEngine engine,
      ServedNamespaces namespaces,
      UnaryOperator<String> environment,
      Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void addTo(ApiRoutes routes) {
    routes
        .post("/api/v1/hooks/{name}", null, ctx -> deliver(ctx, "default"))
        .post(NAMESPACED + "/{name}", null, ctx -> deliver(ctx, ctx.pathParam("namespace")))
        .get(NAMESPACED, ApiRole.READER, this::list)
        .get(NAMESPACED + "/{name}", ApiRole.READER, this::describe);
  }

  private void deliver(Context ctx, String namespace) {
    // read first: a refusal sent before the body is read cuts a large upload short (broken pipe)
    byte[] body = ctx.bodyAsBytes();
    WeftClient client = client(namespace);
    StoredWebhook hook = hook(namespace, ctx.pathParam("name"));
    String secret = environment.apply(hook.secretEnv());
    if (secret == null || secret.isEmpty()) {
      throw ApiProblem.of(
              503,
              "hook-secret-missing",
              "Hook secret missing",
              "hook '"
                  + hook.name()
                  + "' is signed with the secret in environment variable "
                  + hook.secretEnv()
                  + ", which is not set on the node that served this request")
          .with("variable", hook.secretEnv());
    }
    HookSignature.refusal(ctx.header(HookSignature.HEADER), body, secret)
        .ifPresent(
            why -> {
              log.warn(
                  "webhook {} of namespace {} refused a request from {}: {}",
                  hook.name(),
                  namespace,
                  ctx.ip(),
                  why);
              throw ApiProblem.of(401, "hook-signature", "Bad hook signature", why);
            });
    JsonNode json = ApiJson.read(ctx, JsonNode.class);
    if (!json.isObject()) {
      throw ApiProblem.badField(
          "(body)", null, "the body is " + json.getNodeType() + ": expected a JSON object");
    }
    String key = idempotencyKey(ctx);
    WebhookAction action = WebhookActionJson.read(hook.action());
    WebhookDelivery delivery;
    try {
      delivery =
          new WebhookDeliveries(client).deliver(hook.name(), action, key, json, clock.instant());
    } catch (WebhookMappingException e) {
      throw ApiProblem.of(400, "hook-mapping", "Hook mapping failed", e.getMessage())
          .withField(e.pointer(), null);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.of(
          400,
          "hook-mapping",
          "Hook mapping failed",
          "hook '" + hook.name() + "' cannot act on this body: " + e.getMessage());
    }
    ApiJson.write(ctx, delivery.first() ? 202 : 200, HookDocuments.Delivery.of(delivery));
  }

  private void list(Context ctx) {
    namespaces.check(ctx);
    ApiJson.write(
        ctx,
        200,
        new HookDocuments.HookList(
            hooks().list(ctx.pathParam("namespace")).stream()
                .map(HookDocuments.Hook::of)
                .toList()));
  }

  private void describe(Context ctx) {
    WeftClient client = namespaces.client(ctx);
    StoredWebhook hook = hook(ctx.pathParam("namespace"), ctx.pathParam("name"));
    ApiJson.write(
        ctx,
        200,
        HookDocuments.Description.of(
            HookDocuments.Hook.of(hook),
            new WebhookDeliveries(client)
                .recent(hook.name(), RECENT_DELIVERIES).stream()
                    .map(HookDocuments.DeliverySummary::of)
                    .toList()));
  }

  private WeftClient client(String namespace) {
    try {
      return engine.client(namespace);
    } catch (NamespaceNotFoundException e) {
      throw ServedNamespaces.notFound(namespace);
    }
  }

  private StoredWebhook hook(String namespace, String name) {
    return hooks()
        .find(namespace, name)
        .orElseThrow(
            () ->
                ApiProblem.notFound(
                        "hook-not-found",
                        "namespace '"
                            + namespace
                            + "' has no webhook '"
                            + name
                            + "'; an app defines hooks with Webhooks.builder(engine)")
                    .with("hook", name)
                    .with("namespace", namespace));
  }

  private StoredWebhooks hooks() {
    return engine.store().extension(StoredWebhooks.class);
  }

  private static String idempotencyKey(Context ctx) {
    String key = ctx.header(IDEMPOTENCY_KEY);
    if (key == null) {
      return UUID.randomUUID().toString();
    }
    if (!KEY.matcher(key).matches()) {
      throw ApiProblem.badField(
          IDEMPOTENCY_KEY,
          key,
          "header "
              + IDEMPOTENCY_KEY
              + " must be 1 to 200 visible ASCII characters without spaces");
    }
    return key;
  }
}
