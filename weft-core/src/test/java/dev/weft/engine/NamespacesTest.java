package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.NamespaceAlreadyExistsException;
import dev.weft.failure.NamespaceNotFoundException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.store.RunRecord;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Namespaces on SQLite and PostgreSQL: the catalog (the engine's own namespace created on start,
 * create, describe, update, list, typed refusals), clients of other namespaces whose runs execute
 * on the same workers and stay apart (IDs, listings, counts, children, continue-as-new, retries)
 * and retention per namespace.
 */
@Tag("engine")
class NamespacesTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path dir;

  @WorkflowInterface
  public interface Greeter {
    @WorkflowMethod
    String greet(String name);
  }

  public static class GreeterImpl implements Greeter {
    @Override
    public String greet(String name) {
      return "hello " + name + " from " + Workflow.getInfo().namespace();
    }
  }

  /** Starts a child, then continues as new once; the second run returns the child's result. */
  @WorkflowInterface
  public interface Family {
    @WorkflowMethod
    String run(int generation);
  }

  public static class FamilyImpl implements Family {
    @Override
    public String run(int generation) {
      if (generation == 0) {
        Workflow.continueAsNew(1);
      }
      Greeter child = Workflow.newChildWorkflowStub(Greeter.class);
      return child.greet("child");
    }
  }

  /** Waits for ever: its run times out. */
  @WorkflowInterface
  public interface Sleeper {
    @WorkflowMethod
    void sleep();
  }

  public static class SleeperImpl implements Sleeper {
    @Override
    public void sleep() {
      Workflow.await(() -> false);
    }
  }

  private EngineFixture start(TestStore store) {
    return start(store, b -> b);
  }

  private EngineFixture start(
      TestStore store, java.util.function.UnaryOperator<WeftEngine.Builder> options) {
    return EngineFixture.start(
        store,
        dir,
        options,
        e ->
            e.newWorker("greetings")
                .registerWorkflow(Greeter.class, GreeterImpl::new)
                .registerWorkflow(Family.class, FamilyImpl::new)
                .registerWorkflow(Sleeper.class, SleeperImpl::new));
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theEnginesNamespaceIsCreatedOnStartAndOthersAreCreatedDescribedUpdatedAndListed(
      TestStore store) {
    try (EngineFixture f = start(store, b -> b.retention(Duration.ofDays(3)))) {
      Namespaces namespaces = f.engine().namespaces();
      NamespaceDescription own = namespaces.describe("default");
      assertThat(own.retention()).isEqualTo(Duration.ofDays(3));
      assertThat(own.description()).isEmpty();

      NamespaceDescription created =
          namespaces.create(new NamespaceConfig("payments", "card payments", Duration.ofDays(7)));
      assertThat(created.name()).isEqualTo("payments");
      assertThat(created.createTime()).isEqualTo(created.updateTime());
      assertThat(namespaces.describe("payments")).isEqualTo(created);

      NamespaceDescription updated =
          namespaces.update("payments", NamespaceUpdate.retention(Duration.ofHours(12)));
      assertThat(updated.retention()).isEqualTo(Duration.ofHours(12));
      assertThat(updated.description()).isEqualTo("card payments");
      assertThat(updated.updateTime()).isAfterOrEqualTo(created.updateTime());
      assertThat(namespaces.update("payments", NamespaceUpdate.description("cards")).description())
          .isEqualTo("cards");

      assertThat(namespaces.list())
          .extracting(NamespaceDescription::name)
          .containsExactly("default", "payments");

      assertThatThrownBy(() -> namespaces.create(new NamespaceConfig("payments")))
          .isInstanceOf(NamespaceAlreadyExistsException.class)
          .hasMessageContaining("'payments'");
      assertThat(namespaces.describe("payments").retention()).isEqualTo(Duration.ofHours(12));
      assertThatThrownBy(() -> namespaces.describe("ghost"))
          .isInstanceOf(NamespaceNotFoundException.class)
          .hasMessageContaining("'ghost'");
      assertThatThrownBy(() -> namespaces.update("ghost", NamespaceUpdate.description("x")))
          .isInstanceOf(NamespaceNotFoundException.class)
          .hasMessageContaining("'ghost'");
      assertThat(namespaces.list()).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aRestartKeepsTheStoredRetentionOfItsNamespace(TestStore store) {
    try (EngineFixture f = start(store, b -> b.retention(Duration.ofDays(3)))) {
      f.engine().namespaces().update("default", NamespaceUpdate.retention(Duration.ofDays(9)));
      f.restart(e -> e.newWorker("greetings").registerWorkflow(Greeter.class, GreeterImpl::new));

      assertThat(f.engine().namespaces().describe("default").retention())
          .isEqualTo(Duration.ofDays(9));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWorkflowOfAnotherNamespaceRunsOnTheSameWorkersAndStaysApart(TestStore store) {
    try (EngineFixture f = start(store)) {
      f.engine().namespaces().create(new NamespaceConfig("payments"));
      WeftClient payments = f.engine().client("payments");
      WeftClient own = f.client();

      WorkflowHandle<Object> inPayments = payments.start("Greeter", options("order-1"), "ada");
      WorkflowHandle<Object> inDefault = own.start("Greeter", options("order-1"), "bob");

      assertThat(inPayments.getResult()).isEqualTo("hello ada from payments");
      assertThat(inDefault.getResult()).isEqualTo("hello bob from default");
      assertThat(inPayments.runId()).isNotEqualTo(inDefault.runId());
      assertThat(f.store().findRun(inPayments.runId()).map(RunRecord::namespace))
          .contains("payments");
      assertThat(payments.getHandle("order-1").describe().runId()).isEqualTo(inPayments.runId());
      assertThat(own.getHandle("order-1").describe().runId()).isEqualTo(inDefault.runId());
      assertThatThrownBy(() -> payments.getHandle("order-1", inDefault.runId()).describe())
          .as("a run of another namespace is not found by ID")
          .isInstanceOf(WorkflowNotFoundException.class);

      payments.start("Greeter", options("order-2"), "cy").getResult();
      assertThat(runsOf(payments)).containsExactlyInAnyOrder("order-1", "order-2");
      assertThat(runsOf(own)).containsExactly("order-1");
      assertThat(payments.countWorkflows(WorkflowFilter.all())).isEqualTo(2);
      assertThat(own.countWorkflows(WorkflowFilter.all())).isEqualTo(1);
      assertThat(f.engine().client("payments")).isSameAs(payments);
      assertThat(f.engine().client("default")).isSameAs(own);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void childrenContinuedRunsAndRetriesStayInTheirNamespace(TestStore store) {
    try (EngineFixture f = start(store)) {
      f.engine().namespaces().create(new NamespaceConfig("payments"));
      WeftClient payments = f.engine().client("payments");

      WorkflowHandle<Object> family = payments.start("Family", options("family"), 0);
      assertThat(family.getResult()).isEqualTo("hello child from payments");

      WorkflowHandle<Object> sleeper =
          payments.start(
              "Sleeper",
              WorkflowOptions.newBuilder()
                  .taskQueue("greetings")
                  .workflowId("sleeper")
                  .workflowRunTimeout(Duration.ofMillis(500))
                  .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(2).build())
                  .build());
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  payments.countWorkflows(
                          WorkflowFilter.query("WorkflowId = 'sleeper' AND Status = 'TIMED_OUT'"))
                      == 2);

      List<String> ids = runsOf(payments);
      assertThat(ids).as("two runs of the family, its child, two runs of the sleeper").hasSize(5);
      assertThat(ids.stream().filter("family"::equals)).hasSize(2);
      assertThat(ids.stream().filter("sleeper"::equals)).hasSize(2);
      assertThat(f.client().countWorkflows(WorkflowFilter.all())).isZero();
      assertThat(sleeper.workflowId()).isEqualTo("sleeper");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void eachNamespaceKeepsClosedRunsForItsOwnRetention(TestStore store) {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    try (EngineFixture f =
        start(
            store,
            b ->
                b.clock(clock)
                    .retention(Duration.ofDays(1))
                    .retentionSweepInterval(Duration.ofMillis(200)))) {
      f.engine().namespaces().create(new NamespaceConfig("payments", "", Duration.ofSeconds(1)));
      WorkflowHandle<Object> inPayments =
          f.engine().client("payments").start("Greeter", options("order-1"), "ada");
      WorkflowHandle<Object> inDefault = f.client().start("Greeter", options("order-1"), "bob");
      inPayments.getResult();
      inDefault.getResult();

      clock.advance(Duration.ofSeconds(2));

      Awaitility.await().atMost(WAIT).until(() -> f.store().findRun(inPayments.runId()).isEmpty());
      assertThat(f.store().findRun(inDefault.runId()).map(RunRecord::status))
          .contains(WorkflowStatus.COMPLETED);

      f.engine().namespaces().update("default", NamespaceUpdate.retention(Duration.ofSeconds(1)));
      clock.advance(Duration.ofSeconds(2));
      Awaitility.await().atMost(WAIT).until(() -> f.store().findRun(inDefault.runId()).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void anUnknownOrInvalidNamespaceIsRefused(TestStore store) {
    try (EngineFixture f = start(store)) {
      assertThatThrownBy(() -> f.engine().client("ghost"))
          .isInstanceOf(NamespaceNotFoundException.class)
          .hasMessageContaining("'ghost'");
      assertThatThrownBy(() -> f.engine().namespaces().describe("no spaces"))
          .isInstanceOf(NamespaceNotFoundException.class);
      assertThatThrownBy(() -> new NamespaceConfig("no spaces"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'no spaces'")
          .hasMessageContaining("1 to 64");
      assertThatThrownBy(() -> new NamespaceConfig("x".repeat(65)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new NamespaceConfig("ok", "", Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("retention of namespace 'ok' must be positive");
      assertThatThrownBy(() -> WeftEngine.builder().store(f.store()).namespace("a/b").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'a/b'");
      assertThat(f.engine().namespaces().list())
          .extracting(NamespaceDescription::name)
          .containsExactly("default");
    }
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().taskQueue("greetings").workflowId(workflowId).build();
  }

  private static List<String> runsOf(WeftClient client) {
    return client.listWorkflows(WorkflowFilter.all()).workflows().stream()
        .map(WorkflowSummary::workflowId)
        .toList();
  }
}
