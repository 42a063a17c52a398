package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookDefinition}: names and secret variables validated by name, the action template
 * resolved over a body by its JSON pointers (a pointer the body cannot give named), and the JSON
 * form the store keeps read back equal.
 */
class WebhookDefinitionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode body(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void aBadNameOrSecretVariableIsRefusedNamingItAndWhatWasExpected() {
    assertThatThrownBy(
            () ->
                WebhookDefinition.named("Approve!")
                    .secretEnv("S")
                    .signal("s")
                    .workflowId("w")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Approve!'")
        .hasMessageContaining("lower-case letters, digits, '_' or '-'");
    assertThatThrownBy(
            () ->
                WebhookDefinition.named("ok")
                    .secretEnv("1-BAD")
                    .signal("s")
                    .workflowId("w")
                    .build())
        .hasMessageContaining("secretEnv '1-BAD'");
    assertThatThrownBy(() -> WebhookDefinition.named("ok").secretEnv("S").build())
        .hasMessageContaining("has no action");
    assertThatThrownBy(() -> WebhookDefinition.named("ok").secretEnv("S").signal("s").build())
        .hasMessageContaining("signals no workflow");
    assertThatThrownBy(() -> WebhookDefinition.named("ok").args("order/id"))
        .hasMessageContaining("'order/id' must start with '/'");
  }

  @Test
  void theTemplateResolvesPointersAndConstantsFromTheBody() throws Exception {
    WebhookDefinition start =
        WebhookDefinition.named("orders")
            .secretEnv("ORDERS_SECRET")
            .startWorkflow("Order", "orders")
            .args("/order/id", "/amount")
            .arg(WebhookValue.constant("web"))
            .build();
    WebhookDefinition signal =
        WebhookDefinition.named("approve")
            .secretEnv("APPROVE_SECRET")
            .signal("approved")
            .workflowIdFrom("/approval/workflowId")
            .build();
    WebhookDefinition materialize =
        WebhookDefinition.named("refresh")
            .secretEnv("REFRESH_SECRET")
            .materialize("market/*")
            .partitionKeyFrom("/day")
            .build();
    JsonNode body =
        body(
            "{\"order\":{\"id\":\"o-7\"},\"amount\":12,"
                + "\"approval\":{\"workflowId\":\"approval-1\"},\"day\":\"2026-01-02\"}");

    assertThat(start.action().resolve(body))
        .isEqualTo(
            new TriggerAction.StartWorkflow(
                "Order",
                "orders",
                List.of(
                    JSON.getNodeFactory().textNode("o-7"),
                    JSON.getNodeFactory().numberNode(12),
                    JSON.getNodeFactory().textNode("web")),
                null));
    assertThat(signal.action().resolve(body))
        .isEqualTo(new TriggerAction.SignalWorkflow("approval-1", "approved", List.of()));
    assertThat(materialize.action().resolve(body))
        .isEqualTo(TriggerAction.Materialize.partition("market/*", "2026-01-02"));
    assertThat(start.action().pointers()).containsExactly("/order/id", "/amount");
  }

  @Test
  void aPointerTheBodyCannotGiveIsNamed() throws Exception {
    WebhookAction signal =
        WebhookDefinition.named("approve")
            .secretEnv("S")
            .signal("approved")
            .workflowIdFrom("/approval/workflowId")
            .args("/by")
            .build()
            .action();

    assertThatThrownBy(() -> signal.resolve(body("{\"approval\":{}}")))
        .isInstanceOfSatisfying(
            WebhookMappingException.class,
            e -> assertThat(e.pointer()).isEqualTo("/approval/workflowId"))
        .hasMessageContaining("/approval/workflowId");
    assertThatThrownBy(() -> signal.resolve(body("{\"approval\":{\"workflowId\":[1]}}")))
        .hasMessageContaining("is ARRAY, expected text");
    assertThatThrownBy(() -> signal.resolve(body("{\"approval\":{\"workflowId\":\"a\"}}")))
        .isInstanceOfSatisfying(
            WebhookMappingException.class, e -> assertThat(e.pointer()).isEqualTo("/by"));
  }

  @Test
  void theStoredJsonReadsBackEqual() {
    WebhookAction action =
        WebhookDefinition.named("orders")
            .secretEnv("S")
            .startWorkflow("Order", "orders")
            .args("/id")
            .arg(WebhookValue.constant(3))
            .build()
            .action();

    String json = WebhookActionJson.write(action);

    assertThat(json).contains("\"type\":\"start\"").contains("\"pointer\":\"/id\"");
    assertThat(WebhookActionJson.read(json)).isEqualTo(action);
    assertThatThrownBy(() -> WebhookActionJson.read("{\"type\":\"nope\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stored webhook action is not valid");
  }
}
