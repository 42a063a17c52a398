package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Write;
import dev.weft.store.webhooks.ReplaceWebhooks;
import dev.weft.store.webhooks.StoredWebhook;
import dev.weft.store.webhooks.StoredWebhooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the webhook definitions, a store extension every SQL store installs by default: {@link
 * ReplaceWebhooks} replaces one source's hooks of a namespace (removed ones deleted, others of the
 * namespace and other namespaces untouched), refuses a name another source defines, and is rolled
 * back with its batch; {@link StoredWebhooks} finds a hook and lists a namespace's by name.
 */
public abstract class WebhookContract extends StoreContract {

  private StoredWebhooks hooks() {
    return store.extension(StoredWebhooks.class);
  }

  private static StoredWebhook hook(String namespace, String name, String source, int second) {
    return new StoredWebhook(
        namespace,
        name,
        source,
        "SECRET_" + name.toUpperCase(),
        "{\"type\":\"signal\",\"signal\":\"" + name + "\"}",
        T0.plusSeconds(second));
  }

  private static ReplaceWebhooks replace(String namespace, String source, StoredWebhook... hooks) {
    return new ReplaceWebhooks(namespace, source, List.of(hooks));
  }

  @Test
  void aHookIsFoundWithEverythingItRecordedAndListedByName() {
    commitOk(
        replace(
            "default",
            "app",
            hook("default", "zeta", "app", 1),
            hook("default", "approve", "app", 2)),
        replace("other", "app", hook("other", "approve", "app", 3)));

    StoredWebhook approve = hooks().find("default", "approve").orElseThrow();
    assertThat(approve.source()).isEqualTo("app");
    assertThat(approve.secretEnv()).isEqualTo("SECRET_APPROVE");
    assertThat(approve.action()).isEqualTo("{\"type\":\"signal\",\"signal\":\"approve\"}");
    assertThat(approve.updatedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(hooks().list("default"))
        .extracting(StoredWebhook::name)
        .containsExactly("approve", "zeta");
    assertThat(hooks().list("other")).extracting(StoredWebhook::name).containsExactly("approve");
    assertThat(hooks().find("default", "missing")).isEmpty();
    assertThat(hooks().list("empty")).isEmpty();
  }

  @Test
  void replacingASourcesHooksDeletesTheRemovedOnesAndKeepsOtherSources() {
    commitOk(
        replace("default", "app", hook("default", "a", "app", 1), hook("default", "b", "app", 1)),
        replace("default", "other-app", hook("default", "c", "other-app", 1)));

    commitOk(replace("default", "app", hook("default", "b", "app", 9)));

    assertThat(hooks().list("default")).extracting(StoredWebhook::name).containsExactly("b", "c");
    assertThat(hooks().find("default", "b").orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(9));
    commitOk(replace("default", "app"));
    assertThat(hooks().list("default")).extracting(StoredWebhook::name).containsExactly("c");
  }

  @Test
  void aNameAnotherSourceDefinesConflictsAndChangesNothing() {
    commitOk(replace("default", "first", hook("default", "approve", "first", 1)));

    commitConflict(replace("default", "second", hook("default", "approve", "second", 2)));

    StoredWebhook kept = hooks().find("default", "approve").orElseThrow();
    assertThat(kept.source()).isEqualTo("first");
    assertThat(kept.updatedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void hookWritesAreRolledBackWithTheirBatch() {
    commitOk(replace("default", "app", hook("default", "a", "app", 1)));

    commitConflict(
        replace("default", "app", hook("default", "b", "app", 2)),
        new Write.DeleteTimer("r1", 99, true));

    assertThat(hooks().list("default")).extracting(StoredWebhook::name).containsExactly("a");
  }
}
