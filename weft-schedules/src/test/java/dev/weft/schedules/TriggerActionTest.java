package dev.weft.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weft.converter.JacksonDataConverter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TriggerAction}: JSON with a type member, and every blank field refused by name. */
class TriggerActionTest {
  private static final ObjectMapper JSON = JacksonDataConverter.defaultMapper();

  @Test
  void everyActionSurvivesAJsonRoundTripThroughTheInterface() throws Exception {
    List<TriggerAction> actions =
        List.of(
            new TriggerAction.StartWorkflow(
                "Report",
                "reports",
                List.of(new TextNode("eu"), IntNode.valueOf(3)),
                Duration.ofMinutes(5)),
            TriggerAction.SignalWorkflow.of("approval-1", "approve", new TextNode("ok")),
            TriggerAction.Materialize.of("+market/report"),
            TriggerAction.Materialize.partition("market/prices", "2024-01-01"),
            new TriggerAction.Materialize("market/prices", null, true));
    for (TriggerAction action : actions) {
      String json = JSON.writeValueAsString(action);
      assertThat(JSON.readValue(json, TriggerAction.class)).as(json).isEqualTo(action);
    }
    assertThat(JSON.writeValueAsString(TriggerAction.Materialize.of("a")))
        .contains("\"type\":\"materialize\"");
    // as an element of an untyped argument array (how workflow and activity calls serialize)
    String args = JSON.writeValueAsString(new Object[] {actions.get(0)});
    assertThat(JSON.readValue(args, TriggerAction[].class)).containsExactly(actions.get(0));
  }

  @Test
  void blankFieldsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> TriggerAction.StartWorkflow.of(" ", "q"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workflowType is ' '");
    assertThatThrownBy(() -> TriggerAction.StartWorkflow.of("Report", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("taskQueue is null");
    assertThatThrownBy(() -> new TriggerAction.StartWorkflow("R", "q", null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("executionTimeout is PT0S");
    assertThatThrownBy(() -> TriggerAction.SignalWorkflow.of("", "approve"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workflowId is ''");
    assertThatThrownBy(() -> TriggerAction.SignalWorkflow.of("w", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("signalName is ''");
    assertThatThrownBy(() -> TriggerAction.Materialize.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("selection is ''");
    assertThatThrownBy(() -> new TriggerAction.Materialize("a", "2024-01-01", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one of them");
  }
}
