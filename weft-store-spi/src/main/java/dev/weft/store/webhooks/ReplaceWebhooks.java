package dev.weft.store.webhooks;

import dev.weft.store.Write;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces the webhooks one source (an app) defines in a namespace by {@code hooks}: the source's
 * hooks not in the list are deleted, the others inserted or replaced. Hooks of other sources stay.
 * Conditional: conflicts if a hook of the list has the name of another source's hook in the
 * namespace. Applied by the webhooks store extension; read back with {@link StoredWebhooks}.
 *
 * @param namespace the namespace
 * @param source the source whose hooks are replaced
 * @param hooks the source's hooks from now on, each of this namespace and source, names distinct
 */
public record ReplaceWebhooks(String namespace, String source, List<StoredWebhook> hooks)
    implements Write {

  /** Validates the write and copies the list. */
  public ReplaceWebhooks {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(source, "source");
    hooks = List.copyOf(hooks);
    Set<String> names = new HashSet<>();
    for (StoredWebhook hook : hooks) {
      if (!hook.namespace().equals(namespace) || !hook.source().equals(source)) {
        throw new IllegalArgumentException(
            "webhook "
                + hook.name()
                + " belongs to namespace "
                + hook.namespace()
                + " and source "
                + hook.source()
                + ", expected namespace "
                + namespace
                + " and source "
                + source);
      }
      if (!names.add(hook.name())) {
        throw new IllegalArgumentException(
            "webhook " + hook.name() + " is listed twice for namespace " + namespace);
      }
    }
  }

  /** Null: a webhook belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
