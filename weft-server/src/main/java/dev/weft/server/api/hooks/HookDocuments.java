package dev.weft.server.api.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.common.WorkflowStatus;
import dev.weft.schedules.WebhookDelivery;
import dev.weft.schedules.WebhookDeliverySummary;
import dev.weft.server.http.ApiJson;
import dev.weft.store.webhooks.StoredWebhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The JSON documents of the hook routes, named as in the OpenAPI document. */
final class HookDocuments {
  private HookDocuments() {}

  /** {@code HookDelivery}: the answer to a delivery. */
  record Delivery(String deliveryId, String hook, String workflowId) {
    static Delivery of(WebhookDelivery d) {
      return new Delivery(d.deliveryId(), d.hook(), d.workflowId());
    }
  }

  /** {@code Hook}: a definition, with the secret's variable name, never its value. */
  record Hook(
      String name,
      String namespace,
      String source,
      String secretEnv,
      JsonNode action,
      Instant updatedAt) {
    static Hook of(StoredWebhook h) {
      try {
        return new Hook(
            h.name(),
            h.namespace(),
            h.source(),
            h.secretEnv(),
            ApiJson.MAPPER.readTree(h.action()),
            h.updatedAt());
      } catch (IOException e) {
        throw new UncheckedIOException("stored action of hook " + h.name() + " is not JSON", e);
      }
    }
  }

  /** {@code HookList}. */
  record HookList(List<Hook> hooks) {}

  /** {@code HookDeliverySummary}: one recent delivery. */
  record DeliverySummary(
      String deliveryId,
      String runId,
      WorkflowStatus status,
      Instant startTime,
      Instant closeTime) {
    static DeliverySummary of(WebhookDeliverySummary s) {
      return new DeliverySummary(
          s.deliveryId(), s.runId(), s.status(), s.startTime(), s.closeTime());
    }
  }

  /** {@code HookDescription}: a definition and its recent deliveries, newest first. */
  record Description(
      String name,
      String namespace,
      String source,
      String secretEnv,
      JsonNode action,
      Instant updatedAt,
      List<DeliverySummary> recentDeliveries) {
    static Description of(Hook h, List<DeliverySummary> recent) {
      return new Description(
          h.name(), h.namespace(), h.source(), h.secretEnv(), h.action(), h.updatedAt(), recent);
    }
  }
}
