package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.DataConverterException;
import dev.weft.failure.InvalidDefinitionException;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.history.EventAttributes;
import dev.weft.store.StoreException;
import dev.weft.store.StoreStats;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import dev.weft.store.updates.UpdateOutcomes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a typed exception whose message names the problem, and leaves the store exactly as
 * it was.
 */
@Tag("engine")
class BadInputTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @WorkflowInterface
  public interface Echo {
    @WorkflowMethod
    String echo(Object value);

    @SignalMethod
    void poke();

    @QueryMethod
    String status();
  }

  public static class EchoImpl implements Echo {
    @Override
    public String echo(Object value) {
      return String.valueOf(value);
    }

    @Override
    public void poke() {}

    @Override
    public String status() {
      return "ok";
    }
  }

  @ActivityInterface
  public interface Unregistered {
    void nobodyServesThis();
  }

  @ActivityInterface
  public interface Registered {
    void served();
  }

  @WorkflowInterface
  public interface CallsUnknownActivity {
    @WorkflowMethod
    void run();
  }

  public static class CallsUnknownActivityImpl implements CallsUnknownActivity {
    @Override
    public void run() {
      Workflow.newActivityStub(
              Unregistered.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(1)).build())
          .nobodyServesThis();
    }
  }

  @WorkflowInterface
  public interface NoWorkflowMethod {
    @SignalMethod
    void poke();
  }

  /** Jackson cannot serialize it: its only property throws. */
  public static class Unserializable {
    public String getValue() {
      throw new IllegalStateException("no value");
    }
  }

  private EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        b -> b.maxPayloadBytes(1024),
        e ->
            e.newWorker("bad")
                .registerWorkflow(Echo.class, EchoImpl::new)
                .registerWorkflow(CallsUnknownActivity.class, CallsUnknownActivityImpl::new)
                .registerActivities((Registered) () -> {}));
  }

  private static WorkflowOptions opts(String id) {
    return WorkflowOptions.newBuilder().taskQueue("bad").workflowId(id).build();
  }

  @Test
  void anEngineOverAStoreWithoutTheUpdateOutcomesExtensionIsRefusedWhenBuilt(@TempDir Path dir) {
    try (SqliteStore store =
        SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withExtensions(List.of()))) {
      assertThatThrownBy(() -> WeftEngine.builder().store(store).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(UpdateOutcomes.class.getName())
          .hasMessageContaining("(installed: [])");
    }
  }

  @Test
  void unknownWorkflowType(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      StoreStats before = f.stats();
      assertThatThrownBy(() -> f.client().start("Ecoh", opts("typo"), "x"))
          .isInstanceOf(UnknownWorkflowTypeException.class)
          .hasMessageContaining("'Ecoh'")
          .hasMessageContaining("'bad'")
          .hasMessageContaining("Echo");
      assertThat(f.stats()).isEqualTo(before);
    }
  }

  @Test
  void nonSerializableArgument(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      StoreStats before = f.stats();
      Echo stub = f.client().newWorkflowStub(Echo.class, opts("ser"));
      assertThatThrownBy(() -> f.client().start(stub::echo, new Unserializable()))
          .isInstanceOf(DataConverterException.class)
          .hasMessageContaining("input of workflow 'Echo'")
          .hasMessageContaining("argument 0")
          .hasMessageContaining(Unserializable.class.getName());
      assertThat(f.stats()).isEqualTo(before);
    }
  }

  @Test
  void payloadOverTheLimit(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      StoreStats before = f.stats();
      assertThatThrownBy(() -> f.client().start("Echo", opts("big"), "x".repeat(2_000)))
          .isInstanceOfSatisfying(
              PayloadTooLargeException.class,
              e -> {
                assertThat(e.getLimit()).isEqualTo(1024);
                assertThat(e.getSize()).isGreaterThan(2_000);
                assertThat(e.getMessage()).contains("input of workflow 'Echo'", "1024");
              });
      assertThat(f.stats()).isEqualTo(before);
    }
  }

  @Test
  void workflowIdConflict(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> first = f.client().start("Echo", opts("same"), "x");
      first.getResult(WAIT);
      WorkflowOptions reject =
          opts("same").toBuilder().idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build();
      StoreStats before = f.stats();
      assertThatThrownBy(() -> f.client().start("Echo", reject, "y"))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("'same'")
          .hasMessageContaining(first.runId());
      assertThat(f.stats()).isEqualTo(before);
    }
  }

  @Test
  void signalToAClosedRun(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = f.client().start("Echo", opts("closed"), "x");
      h.getResult(WAIT);
      StoreStats before = f.stats();
      assertThatThrownBy(() -> h.signal("poke"))
          .isInstanceOfSatisfying(
              WorkflowNotRunningException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(WorkflowStatus.COMPLETED);
                assertThat(e.getMessage()).contains("signal 'poke'", "'closed'", "COMPLETED");
              });
      assertThatThrownBy(() -> h.cancel("late")).isInstanceOf(WorkflowNotRunningException.class);
      assertThatThrownBy(() -> h.terminate("late")).isInstanceOf(WorkflowNotRunningException.class);
      assertThat(f.stats()).isEqualTo(before);
    }
  }

  @Test
  void unknownSignalName(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = f.client().start("Echo", opts("sig"), "x");
      h.getResult(WAIT);
      StoreStats before = f.stats();
      assertThatThrownBy(() -> h.signal("pokee"))
          .isInstanceOf(UnknownSignalException.class)
          .hasMessageContaining("'pokee'")
          .hasMessageContaining("[poke]");
      assertThat(f.stats()).isEqualTo(before);
    }
  }

  @Test
  void queryToAnUnknownMethod(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = f.client().start("Echo", opts("q"), "x");
      h.getResult(WAIT);
      assertThat(h.query("status", String.class)).isEqualTo("ok");
      StoreStats before = f.stats();
      assertThatThrownBy(() -> h.query("stats", String.class))
          .isInstanceOf(UnknownQueryException.class)
          .hasMessageContaining("'stats'")
          .hasMessageContaining("[status]");
      assertThat(f.stats()).isEqualTo(before);
    }
  }

  @Test
  void workflowInterfaceWithoutWorkflowMethod(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      StoreStats before = f.stats();
      assertThatThrownBy(() -> f.client().newWorkflowStub(NoWorkflowMethod.class, opts("none")))
          .isInstanceOf(InvalidDefinitionException.class)
          .hasMessageContaining(NoWorkflowMethod.class.getName())
          .hasMessageContaining("no @WorkflowMethod");
      assertThat(f.stats()).isEqualTo(before);
    }
    try (EngineFixture g =
        EngineFixture.start(
            dir.resolve("other"),
            e ->
                assertThatThrownBy(
                        () -> e.newWorker("x").registerWorkflow(NoWorkflowMethod.class, () -> null))
                    .isInstanceOf(InvalidDefinitionException.class))) {
      assertThat(g.stats().runs()).isZero();
    }
  }

  @Test
  void unknownActivityTypeFailsTheWorkflowTaskWithoutSchedulingIt(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = f.client().start("CallsUnknownActivity", opts("unknown-activity"));
      Awaitility.await().atMost(WAIT).until(() -> h.describe().workflowTaskFailure() != null);
      WorkflowDescription d = h.describe();
      assertThat(d.status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(d.workflowTaskFailure())
          .contains("UnknownActivityTypeException")
          .contains("'NobodyServesThis'")
          .contains("[Served]");
      assertThat(h.fetchHistory().events())
          .noneMatch(e -> e.attributes() instanceof EventAttributes.ActivityScheduled);
      assertThat(f.stats().activityTasks()).isZero();
      h.terminate("test over");
    }
  }

  @Test
  void invalidOptionsNameTheField() {
    assertThatThrownBy(() -> ActivityOptions.newBuilder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startToCloseTimeout or scheduleToCloseTimeout");
    assertThatThrownBy(
            () -> ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("startToCloseTimeout must be positive");
    assertThatThrownBy(() -> RetryPolicy.newBuilder().backoffCoefficient(0.5).build())
        .hasMessageContaining("backoffCoefficient must be >= 1, was 0.5");
    assertThatThrownBy(() -> RetryPolicy.newBuilder().maximumAttempts(-2).build())
        .hasMessageContaining("maximumAttempts must be >= 0");
    assertThatThrownBy(() -> WorkflowOptions.newBuilder().build())
        .hasMessageContaining("taskQueue is required");
  }
}
