package dev.weft.schedules.internal;

import dev.weft.schedules.TriggerAction;
import java.time.Instant;
import java.util.Objects;

/**
 * The input of a {@link HookDeliveryWorkflow}: which hook was called, the delivery's key, when the
 * request arrived, and the action its mapping resolved from the body.
 *
 * @param hook the hook's name
 * @param key the request's {@code Idempotency-Key}, or the random key given to it
 * @param receivedAt when the server accepted the request
 * @param action the resolved action
 */
public record HookDelivery(String hook, String key, Instant receivedAt, TriggerAction action) {
  /** Validates the input. */
  public HookDelivery {
    Objects.requireNonNull(hook, "hook");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(action, "action");
  }

  /** The ID the action's run gets: {@code <hook>:<key>}. */
  public String derivedId() {
    return hook + ":" + key;
  }
}
