package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.failure.InvalidDefinitionException;
import dev.weft.failure.UpdateRejectedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryReplay;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @WorkflowInit}: the workflow object made from the run's arguments before any handler. */
@Tag("engine")
public class WorkflowInitTest {

  @WorkflowInterface
  public interface Account {
    @WorkflowMethod
    String open(String owner, int limit);

    @UpdateMethod
    int withdraw(int amount);

    @UpdateValidatorMethod(updateName = "withdraw")
    void checkWithdraw(int amount);

    @SignalMethod
    void close();
  }

  public static class AccountImpl implements Account {
    private final String owner;
    private final int limit;
    private int withdrawn;
    private boolean closed;

    @WorkflowInit
    public AccountImpl(String owner, int limit) {
      this.owner = owner;
      this.limit = limit;
    }

    @Override
    public String open(String owner, int limit) {
      Workflow.await(() -> closed);
      return owner + " withdrew " + withdrawn;
    }

    @Override
    public void checkWithdraw(int amount) {
      if (amount > limit - withdrawn) {
        throw new IllegalArgumentException(
            amount + " is over the limit of " + limit + " for " + owner);
      }
    }

    @Override
    public int withdraw(int amount) {
      withdrawn += amount;
      return limit - withdrawn;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Its constructor takes the owner only. */
  public static class HalfInitAccount extends AccountImpl {
    @WorkflowInit
    public HalfInitAccount(String owner) {
      super(owner, 0);
    }
  }

  public static class TwoInits extends AccountImpl {
    @WorkflowInit
    public TwoInits(String owner, int limit) {
      super(owner, limit);
    }

    @WorkflowInit
    public TwoInits(String owner, Integer limit) {
      super(owner, limit);
    }
  }

  /** Neither a no-argument constructor nor a @WorkflowInit one. */
  public static class NoUsableConstructor extends AccountImpl {
    public NoUsableConstructor(String owner, int limit) {
      super(owner, limit);
    }
  }

  public static class NotAWorkflow {}

  private static void register(WeftEngine e) {
    e.newWorker("accounts").registerWorkflowImplementationTypes(AccountImpl.class);
  }

  @Test
  void anUpdateInTheFirstWorkflowTaskIsValidatedAgainstStateTheConstructorSet(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, WorkflowInitTest::register)) {
      // hold the queue, so that the start and the update reach the first workflow task together
      f.client().pauseTaskQueue("accounts", "test: update before the first task");
      WorkflowHandle<Object> handle =
          f.client()
              .start(
                  "Account",
                  WorkflowOptions.newBuilder().workflowId("acct-1").taskQueue("accounts").build(),
                  "ada",
                  100);
      CompletableFuture<Integer> first =
          CompletableFuture.supplyAsync(() -> handle.update("withdraw", Integer.class, 30));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !f.store().readInbox(handle.runId()).isEmpty());
      f.client().resumeTaskQueue("accounts");

      assertThat(first.join()).isEqualTo(70);
      assertThatThrownBy(() -> handle.update("withdraw", Integer.class, 80))
          .isInstanceOf(UpdateRejectedException.class)
          .hasMessageContaining("80 is over the limit of 100 for ada");
      handle.signal("close");
      assertThat(handle.getResult(String.class)).isEqualTo("ada withdrew 30");
      Histories.record("workflow-init-update-in-first-task", handle);

      List<Class<?>> kinds =
          handle.fetchHistory().events().stream()
              .<Class<?>>map(e -> e.attributes().getClass())
              .limit(3)
              .toList();
      assertThat(kinds)
          .containsExactly(
              EventAttributes.WorkflowStarted.class,
              EventAttributes.UpdateAccepted.class,
              EventAttributes.WorkflowTaskCompleted.class);
      HistoryReplay.replay(
          handle.fetchHistory(), Account.class, AccountImpl.class, new JacksonDataConverter());
    }
  }

  @Test
  void registrationRefusesImplementationsThatBreakTheRulesAndRegistersNothing(@TempDir Path dir) {
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e -> {
              Worker worker = e.newWorker("accounts");
              assertThatThrownBy(
                      () -> worker.registerWorkflowImplementationTypes(HalfInitAccount.class))
                  .isInstanceOf(InvalidDefinitionException.class)
                  .hasMessageContaining(HalfInitAccount.class.getName())
                  .hasMessageContaining(
                      "has a @WorkflowInit constructor with parameters (java.lang.String), but its"
                          + " workflow method Account.open takes (java.lang.String, int); the"
                          + " constructor must take exactly the workflow method's parameters");
              assertThatThrownBy(() -> worker.registerWorkflowImplementationTypes(TwoInits.class))
                  .isInstanceOf(InvalidDefinitionException.class)
                  .hasMessageContaining("has two @WorkflowInit constructors");
              assertThatThrownBy(
                      () -> worker.registerWorkflowImplementationTypes(NoUsableConstructor.class))
                  .isInstanceOf(InvalidDefinitionException.class)
                  .hasMessageContaining(
                      "has neither a public no-argument constructor nor a @WorkflowInit"
                          + " constructor");
              assertThatThrownBy(
                      () -> worker.registerWorkflowImplementationTypes(NotAWorkflow.class))
                  .isInstanceOf(InvalidDefinitionException.class)
                  .hasMessageContaining("implements no @WorkflowInterface");
              // nothing was half-registered: the valid implementation still registers
              worker.registerWorkflowImplementationTypes(AccountImpl.class);
              assertThatThrownBy(
                      () -> worker.registerWorkflowImplementationTypes(AccountImpl.class))
                  .isInstanceOf(InvalidDefinitionException.class)
                  .hasMessageContaining("workflow type 'Account' is registered already");
            })) {
      WorkflowHandle<Object> handle =
          f.client()
              .start(
                  "Account",
                  WorkflowOptions.newBuilder().workflowId("acct-2").taskQueue("accounts").build(),
                  "bo",
                  5);
      handle.signal("close");
      assertThat(handle.getResult(String.class)).isEqualTo("bo withdrew 0");
    }
  }
}
