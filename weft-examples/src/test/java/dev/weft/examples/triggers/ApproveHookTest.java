package dev.weft.examples.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.approval.ApprovalDemo;
import dev.weft.examples.approval.ApprovalStage;
import dev.weft.examples.approval.ApprovalState;
import dev.weft.examples.approval.ApprovalWorkflow;
import dev.weft.examples.approval.ExpenseRequest;
import dev.weft.examples.assets.PartitionedExamples;
import dev.weft.schedules.WebhookDefinition;
import dev.weft.schedules.WebhookDeliveries;
import dev.weft.schedules.WebhookDelivery;
import dev.weft.schedules.WebhookMappingException;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The webhook {@code approve}, driven through {@link WebhookDeliveries} (the HTTP route is tested
 * in weft-server): a delivery signals the approval named in the body with the approver and comment
 * of the body, a repeated delivery key signals nothing more, and without {@code
 * WEFT_EXAMPLE_HOOK_SECRET} the hook is not registered.
 */
class ApproveHookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExpenseRequest OFFSITE =
      ExpenseRequest.of("exp-3001", "carol", "team offsite", 90_000, "dave", "erin");

  @TempDir Path dir;
  private WeftEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aDeliverySignalsTheApprovalNamedInTheBodyOnce(TestStore store) throws Exception {
    engine = WeftEngine.builder().store(store.open(dir)).build();
    new ApprovalDemo(Duration.ofMinutes(10)).register(engine);
    PartitionedExamples partitioned = TriggerExamples.partitioned();
    ExampleTriggers triggers =
        ExampleTriggers.register(
            engine,
            TriggerExamples.register(engine, partitioned),
            partitioned.blocks(),
            name -> ExampleTriggers.HOOK_SECRET_ENV.equals(name) ? "test-secret" : null);
    engine.start();
    ApprovalWorkflow approval =
        engine
            .client()
            .newWorkflowStub(
                ApprovalWorkflow.class,
                WorkflowOptions.newBuilder()
                    .workflowId(OFFSITE.workflowId())
                    .taskQueue(ApprovalWorkflow.TASK_QUEUE)
                    .build());
    engine.client().start(approval::requestApproval, OFFSITE);
    WebhookDefinition hook = triggers.webhooks().definitions().get(0);
    assertThat(hook.name()).isEqualTo(ExampleTriggers.APPROVE_HOOK);
    JsonNode body =
        JSON.readTree(
            "{\"workflowId\": \"approval-exp-3001\", \"approver\": \"dave\","
                + " \"comment\": \"fine\"}");
    WebhookDeliveries deliveries = new WebhookDeliveries(engine.client());

    WebhookDelivery first =
        deliveries.deliver(hook.name(), hook.action(), "key-1", body, Instant.now());

    assertThat(first.first()).isTrue();
    assertThat(first.workflowId()).isEqualTo(OFFSITE.workflowId());
    ApprovalWorkflow running =
        engine.client().newWorkflowStub(ApprovalWorkflow.class, OFFSITE.workflowId());
    ApprovalState approved =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(running::state, s -> s.stage() == ApprovalStage.APPROVED);
    assertThat(approved.decision().approver()).isEqualTo("dave");
    assertThat(approved.decision().comment()).isEqualTo("fine");

    WebhookDelivery repeated =
        deliveries.deliver(hook.name(), hook.action(), "key-1", body, Instant.now());

    assertThat(repeated.first()).as("the same key starts no second delivery").isFalse();
    assertThat(repeated.deliveryId()).isEqualTo(first.deliveryId());
    assertThat(deliveries.recent(hook.name(), 10)).hasSize(1);
    assertThat(running.state().refused()).as("no second signal").isEmpty();
  }

  @Test
  void aBodyWithoutTheApproverNamesThePointerAndStartsNothing() throws Exception {
    WebhookDefinition hook = ExampleTriggers.approveHook();
    JsonNode body = JSON.readTree("{\"workflowId\": \"approval-exp-3001\", \"comment\": \"ok\"}");

    assertThatThrownBy(() -> hook.action().resolve(body))
        .isInstanceOf(WebhookMappingException.class)
        .hasMessageContaining("/approver");
  }

  @Test
  void theHookIsOnlyDefinedWhenItsSecretIsSet() {
    assertThat(ExampleTriggers.approveHook(name -> null)).isEmpty();
    assertThat(ExampleTriggers.approveHook(name -> "")).isEmpty();
    assertThat(ExampleTriggers.approveHook(name -> "s3cret"))
        .hasValueSatisfying(h -> assertThat(h.secretEnv()).isEqualTo("WEFT_EXAMPLE_HOOK_SECRET"));
  }
}
