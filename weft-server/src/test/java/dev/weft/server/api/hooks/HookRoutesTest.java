package dev.weft.server.api.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.WebhookDefinition;
import dev.weft.schedules.Webhooks;
import dev.weft.server.WeftServerOptions;
import dev.weft.server.api.workflows.TestWorkflows;
import dev.weft.server.malformed.StoreDump;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The webhook routes on both stores, with hooks an app defines in code: a signed delivery starts or
 * signals a workflow; a bad or missing signature, an unreadable pointer, an unknown hook and a
 * missing secret are refused with problems and start nothing; a repeated {@code Idempotency-Key}
 * runs once. The secret is in {@code WEFT_TEST_HOOK_SECRET}, which this module's surefire
 * configuration sets.
 */
class HookRoutesTest {
  private static final String SECRET_ENV = "WEFT_TEST_HOOK_SECRET";
  private static final String SECRET = "weft-test-hook-secret";
  private static final String DELIVERY_TYPE = "__weft_hook_delivery";

  @TempDir Path dir;

  private ApiServer start(TestStore store) {
    return start(store, WeftServerOptions.defaults().withPort(0));
  }

  private ApiServer start(TestStore store, WeftServerOptions options) {
    return ApiServer.start(
        store,
        dir,
        (WeftEngine engine) -> {
          TestWorkflows.register(engine);
          Webhooks.builder(engine)
              .source("hook-tests")
              .hook(
                  WebhookDefinition.named("greet")
                      .secretEnv(SECRET_ENV)
                      .startWorkflow("Greeter", TestWorkflows.QUEUE)
                      .args("/person/name")
                      .build())
              .hook(
                  WebhookDefinition.named("deposit")
                      .secretEnv(SECRET_ENV)
                      .signal("deposit")
                      .workflowIdFrom("/account")
                      .args("/amount")
                      .build())
              .hook(
                  WebhookDefinition.named("unset")
                      .secretEnv("WEFT_TEST_HOOK_SECRET_NOT_SET")
                      .startWorkflow("Greeter", TestWorkflows.QUEUE)
                      .args("/name")
                      .build())
              .build();
        },
        options);
  }

  private static String sign(String body) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiCalls.Answer post(ApiCalls api, String path, String body, String key) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Weft-Signature", sign(body));
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    return api.send("POST", path, body, headers);
  }

  private static long deliveries(WeftClient client) {
    return client.countWorkflows(WorkflowFilter.all().withType(DELIVERY_TYPE));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSignedDeliveryStartsAWorkflowAndAnotherSignalsOne(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      WeftClient client = s.engine().client();

      ApiCalls.Answer started =
          post(api, "/api/v1/hooks/greet", "{\"person\":{\"name\":\"Ada\"}}", "order-1");

      assertThat(started.status()).isEqualTo(202);
      assertThat(started.json().path("deliveryId").asText()).isEqualTo("__weft_hook:greet:order-1");
      assertThat(started.json().path("hook").asText()).isEqualTo("greet");
      assertThat(started.json().path("workflowId").asText()).isEqualTo("greet:order-1");
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  "Hello, Ada"
                      .equals(client.getHandle("greet:order-1").getResult(Duration.ofSeconds(5))));

      client.start(
          "Account",
          WorkflowOptions.newBuilder().workflowId("acct-1").taskQueue(TestWorkflows.QUEUE).build(),
          5);
      ApiCalls.Answer signalled =
          post(
              api,
              "/api/v1/namespaces/default/hooks/deposit",
              "{\"account\":\"acct-1\",\"amount\":3}",
              null);

      assertThat(signalled.status()).isEqualTo(202);
      assertThat(signalled.json().path("workflowId").asText()).isEqualTo("acct-1");
      assertThat(signalled.json().path("deliveryId").asText()).startsWith("__weft_hook:deposit:");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.post("/api/v1/namespaces/default/workflows/acct-1/queries/balance", null)
                          .json()
                          .path("result")
                          .asInt()
                      == 8);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void hooksAreListedAndDescribedWithTheirVariableNotTheSecretAndTheirRecentDeliveries(
      TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      post(api, "/api/v1/hooks/greet", "{\"person\":{\"name\":\"Bo\"}}", "first");
      post(api, "/api/v1/hooks/greet", "{\"person\":{\"name\":\"Cy\"}}", "second");

      ApiCalls.Answer list = api.get("/api/v1/namespaces/default/hooks");
      assertThat(list.json().path("hooks").findValuesAsText("name"))
          .containsExactly("deposit", "greet", "unset");
      assertThat(list.body()).doesNotContain(SECRET);

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.get("/api/v1/namespaces/default/hooks/greet")
                      .json()
                      .path("recentDeliveries")
                      .findValuesAsText("status")
                      .equals(List.of("COMPLETED", "COMPLETED")));
      ApiCalls.Answer greet = api.get("/api/v1/namespaces/default/hooks/greet");
      assertThat(greet.body()).doesNotContain(SECRET);
      assertThat(greet.json().path("secretEnv").asText()).isEqualTo(SECRET_ENV);
      assertThat(greet.json().path("source").asText()).isEqualTo("hook-tests");
      assertThat(greet.json().path("action").path("type").asText()).isEqualTo("start");
      assertThat(greet.json().path("recentDeliveries").findValuesAsText("deliveryId"))
          .containsExactly("__weft_hook:greet:second", "__weft_hook:greet:first");
      assertThat(api.get("/api/v1/namespaces/default/hooks/nope").problemType())
          .isEqualTo("hook-not-found");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aBadOrMissingSignatureIs401AndChangesNothing(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      String body = "{\"person\":{\"name\":\"Eve\"}}";
      Map<String, List<String>> before = store == TestStore.SQLITE ? settledDump() : null;

      ApiCalls.Answer missing =
          api.send("POST", "/api/v1/hooks/greet", body, Map.of("Idempotency-Key", "k"));
      ApiCalls.Answer wrong =
          api.send(
              "POST",
              "/api/v1/hooks/greet",
              body,
              Map.of("X-Weft-Signature", sign(body.replace("Eve", "Mal"))));
      ApiCalls.Answer garbage =
          api.send(
              "POST",
              "/api/v1/namespaces/default/hooks/greet",
              body,
              Map.of("X-Weft-Signature", "sha256=not-hex"));

      for (ApiCalls.Answer a : List.of(missing, wrong, garbage)) {
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.problemType()).isEqualTo("hook-signature");
        assertThat(a.body()).doesNotContain(SECRET);
      }
      assertThat(missing.json().path("detail").asText()).contains("no X-Weft-Signature header");
      assertThat(deliveries(s.engine().client())).isZero();
      if (before != null) {
        assertThat(StoreDump.of(dir.resolve("weft.db"))).isEqualTo(before);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aPointerTheBodyCannotGiveIs400NamingItAndStartsNothing(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();

      ApiCalls.Answer unreadable = post(api, "/api/v1/hooks/greet", "{\"person\":{}}", null);
      ApiCalls.Answer notJson = post(api, "/api/v1/hooks/greet", "name=Ada", null);

      assertThat(unreadable.status()).isEqualTo(400);
      assertThat(unreadable.problemType()).isEqualTo("hook-mapping");
      assertThat(unreadable.json().path("field").asText()).isEqualTo("/person/name");
      assertThat(unreadable.json().path("detail").asText()).contains("/person/name");
      assertThat(notJson.status()).isEqualTo(400);
      assertThat(notJson.problemType()).isEqualTo("malformed-json");
      assertThat(deliveries(s.engine().client())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theSameIdempotencyKeyTwiceRunsOnceAndAnswersTheFirstDelivery(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();
      WeftClient client = s.engine().client();

      ApiCalls.Answer first =
          post(api, "/api/v1/hooks/greet", "{\"person\":{\"name\":\"Al\"}}", "k");
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> client.getHandle("greet:k").getResult(Duration.ofSeconds(5)) != null);
      ApiCalls.Answer again =
          post(api, "/api/v1/hooks/greet", "{\"person\":{\"name\":\"Al\"}}", "k");

      assertThat(first.status()).isEqualTo(202);
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json()).isEqualTo(first.json());
      assertThat(deliveries(client)).isEqualTo(1);
      assertThat(client.countWorkflows(WorkflowFilter.all().withWorkflowId("greet:k")))
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnknownHookIs404AndAnUnsetSecretIs503NamingTheVariable(TestStore store) {
    try (ApiServer s = start(store)) {
      ApiCalls api = s.calls();

      ApiCalls.Answer unknown = post(api, "/api/v1/hooks/nope", "{}", null);
      ApiCalls.Answer otherNamespace =
          post(api, "/api/v1/namespaces/missing/hooks/greet", "{}", null);
      ApiCalls.Answer unset = post(api, "/api/v1/hooks/unset", "{\"name\":\"x\"}", null);

      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.problemType()).isEqualTo("hook-not-found");
      assertThat(unknown.json().path("hook").asText()).isEqualTo("nope");
      assertThat(otherNamespace.problemType()).isEqualTo("namespace-not-found");
      assertThat(unset.status()).isEqualTo(503);
      assertThat(unset.problemType()).isEqualTo("hook-secret-missing");
      assertThat(unset.json().path("variable").asText()).isEqualTo("WEFT_TEST_HOOK_SECRET_NOT_SET");
      assertThat(unset.json().path("detail").asText()).contains("WEFT_TEST_HOOK_SECRET_NOT_SET");
      assertThat(deliveries(s.engine().client())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void withTokensOnADeliveryNeedsOnlyItsSignatureAndTheListingNeedsAToken(TestStore store) {
    try (ApiServer s = start(store, WeftServerOptions.defaults().withPort(0).withTokenAuth(true))) {
      ApiCalls api = s.calls();

      ApiCalls.Answer delivered =
          post(api, "/api/v1/hooks/greet", "{\"person\":{\"name\":\"Tok\"}}", "tokenless");
      ApiCalls.Answer listed = api.get("/api/v1/namespaces/default/hooks");

      assertThat(delivered.status()).isEqualTo(202);
      assertThat(listed.status()).isEqualTo(401);
      assertThat(listed.problemType()).isEqualTo("token-required");
    }
  }

  /** The SQLite store's rows once two dumps a moment apart agree (start-up writes done). */
  private Map<String, List<String>> settledDump() {
    Path file = dir.resolve("weft.db");
    AtomicReference<Map<String, List<String>>> last = new AtomicReference<>(StoreDump.of(file));
    await()
        .pollDelay(Duration.ofMillis(200))
        .until(
            () -> {
              Map<String, List<String>> now = StoreDump.of(file);
              return now.equals(last.getAndSet(now));
            });
    return last.get();
  }
}
