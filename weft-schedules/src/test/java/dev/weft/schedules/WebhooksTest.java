package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.WeftEngine;
import dev.weft.store.webhooks.StoredWebhook;
import dev.weft.store.webhooks.StoredWebhooks;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Webhooks}: an app's definitions are written to the store when its engine starts, without
 * their secrets, and the next start of the app replaces them (a removed hook is removed) while
 * another app's hooks in the namespace stay.
 */
class WebhooksTest {
  @TempDir Path dir;

  private static WebhookDefinition hook(String name, String secretEnv) {
    return WebhookDefinition.named(name)
        .secretEnv(secretEnv)
        .signal("approved")
        .workflowIdFrom("/workflowId")
        .build();
  }

  private List<StoredWebhook> startAndList(TestStore store, Consumer<WeftEngine> hooks) {
    try (WeftEngine engine = WeftEngine.builder().store(store.open(dir)).build()) {
      hooks.accept(engine);
      engine.start();
      return engine.store().extension(StoredWebhooks.class).list(engine.namespace());
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theNextStartOfAnAppReplacesItsHooksAndKeepsOtherApps(TestStore store) {
    List<StoredWebhook> first =
        startAndList(
            store,
            engine -> {
              Webhooks.builder(engine)
                  .source("approvals")
                  .hook(hook("approve", "APPROVE_SECRET"))
                  .hook(hook("reject", "REJECT_SECRET"))
                  .build();
              Webhooks.builder(engine)
                  .source("billing")
                  .hook(hook("refund", "REFUND_SECRET"))
                  .build();
            });

    assertThat(first)
        .extracting(StoredWebhook::name)
        .containsExactly("approve", "refund", "reject");
    StoredWebhook approve = first.get(0);
    assertThat(approve.source()).isEqualTo("approvals");
    assertThat(approve.secretEnv()).isEqualTo("APPROVE_SECRET");
    assertThat(WebhookActionJson.read(approve.action()))
        .isEqualTo(hook("approve", "APPROVE_SECRET").action());

    List<StoredWebhook> second =
        startAndList(
            store,
            engine ->
                Webhooks.builder(engine)
                    .source("approvals")
                    .hook(hook("approve", "APPROVE_SECRET_V2"))
                    .build());

    assertThat(second).extracting(StoredWebhook::name).containsExactly("approve", "refund");
    assertThat(second.get(0).secretEnv()).isEqualTo("APPROVE_SECRET_V2");
    assertThat(second.get(1).source()).isEqualTo("billing");
  }
}
