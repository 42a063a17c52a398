package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.UnknownQueryException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.Promise;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The built-in {@code __stack_trace} query answers where each workflow thread is blocked, with the
 * user's frames and the Weft call it waits in, from a cached run, a replayed one and a closed one.
 */
@Tag("engine")
public class StackTraceQueryTest {

  @WorkflowInterface
  public interface Waiter {
    @WorkflowMethod
    String run();

    @SignalMethod
    void finish();
  }

  public static class WaiterImpl implements Waiter {
    private boolean finished;

    @Override
    public String run() {
      Promise<Void> side = Workflow.async(this::awaitFinish);
      napUntilFinished();
      side.get();
      return "done";
    }

    private void napUntilFinished() {
      Workflow.await(Duration.ofHours(1), () -> finished);
    }

    private void awaitFinish() {
      Workflow.await(() -> finished);
    }

    @Override
    public void finish() {
      finished = true;
    }
  }

  @ActivityInterface
  public interface Blocker {
    String block();
  }

  /** Holds its attempt until the test lets it go. */
  public static class BlockerImpl implements Blocker {
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String block() {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "released";
    }
  }

  @WorkflowInterface
  public interface Fetcher {
    @WorkflowMethod
    String fetch();
  }

  public static class FetcherImpl implements Fetcher {
    @Override
    public String fetch() {
      Blocker blocker =
          Workflow.newActivityStub(
              Blocker.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(1)).build());
      return blocker.block();
    }
  }

  private static Consumer<WeftEngine> workers(BlockerImpl blocker) {
    return e ->
        e.newWorker("stacks")
            .registerWorkflow(Waiter.class, WaiterImpl::new)
            .registerWorkflow(Fetcher.class, FetcherImpl::new)
            .registerActivities(blocker);
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().taskQueue("stacks").workflowId(id).build();
  }

  private static String stackTrace(WorkflowHandle<?> handle) {
    return handle.query(WeftClient.QUERY_TYPE_STACK_TRACE, String.class);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void showsEveryBlockedThreadFromTheCacheAndFromAReplay(TestStore kind, @TempDir Path dir) {
    BlockerImpl blocker = new BlockerImpl();
    try (EngineFixture f = EngineFixture.start(kind, dir, workers(blocker))) {
      WorkflowHandle<Object> h = f.client().start("Waiter", options("stacks-1"), new Object[0]);

      String cached = stackTrace(h);

      String waiter = WaiterImpl.class.getName();
      assertThat(cached.split("\n\n")).hasSize(2);
      assertThat(cached)
          .startsWith("main#1: blocked\n\tat dev.weft.workflow.Workflow.await(")
          .contains("\n\tat " + waiter + ".napUntilFinished(StackTraceQueryTest.java:")
          .contains("\n\tat " + waiter + ".run(StackTraceQueryTest.java:")
          .contains("\n\nasync#2: blocked\n\tat dev.weft.workflow.Workflow.await(")
          .contains("\n\tat " + waiter + ".awaitFinish(StackTraceQueryTest.java:")
          .doesNotContain("dev.weft.internal")
          .doesNotContain("java.")
          .doesNotContain("lambda$");

      f.restart(workers(blocker));
      WorkflowHandle<Object> after = f.client().getHandle("stacks-1");
      assertThat(stackTrace(after)).as("replayed for the query").isEqualTo(cached);
    }
  }

  @Test
  void namesTheActivityStubMethodTheWorkflowWaitsIn(@TempDir Path dir) {
    BlockerImpl blocker = new BlockerImpl();
    try (EngineFixture f = EngineFixture.start(dir, workers(blocker))) {
      WorkflowHandle<Object> h = f.client().start("Fetcher", options("stacks-2"), new Object[0]);

      String stack = stackTrace(h);

      assertThat(stack.lines().toList()).first().isEqualTo("main#1: blocked");
      assertThat(stack.lines().toList().get(1)).matches("\tat jdk\\.proxy\\d+/.*\\.block\\(.*\\)");
      assertThat(stack.lines().toList().get(2))
          .startsWith("\tat " + FetcherImpl.class.getName() + ".fetch(StackTraceQueryTest.java:");
      blocker.release.countDown();
      assertThat(h.getResult(String.class)).isEqualTo("released");
    }
  }

  @Test
  void aClosedRunAnswersItsLastState(@TempDir Path dir) {
    BlockerImpl blocker = new BlockerImpl();
    try (EngineFixture f = EngineFixture.start(dir, workers(blocker))) {
      WorkflowHandle<Object> terminated =
          f.client().start("Waiter", options("stacks-3"), new Object[0]);
      String running = stackTrace(terminated);
      terminated.terminate("inspecting");
      assertThat(terminated.describe().status()).isEqualTo(WorkflowStatus.TERMINATED);
      assertThat(stackTrace(terminated)).as("where it waited when terminated").isEqualTo(running);

      WorkflowHandle<Object> completed =
          f.client().start("Waiter", options("stacks-4"), new Object[0]);
      completed.signal("finish");
      assertThat(completed.getResult(String.class)).isEqualTo("done");
      Histories.record("stack-trace-waiter-completed", completed);
      assertThat(stackTrace(completed)).as("no workflow thread is left").isEmpty();
    }
  }

  @Test
  void otherUnknownQueriesAreStillRefused(@TempDir Path dir) {
    try (EngineFixture f = EngineFixture.start(dir, workers(new BlockerImpl()))) {
      WorkflowHandle<Object> h = f.client().start("Waiter", options("stacks-5"), new Object[0]);
      assertThat(stackTrace(h)).startsWith("main#1: blocked");
      assertThatThrownBy(() -> h.query("__stack", String.class))
          .isInstanceOf(UnknownQueryException.class);
      h.signal("finish");
      assertThat(h.getResult(String.class)).isEqualTo("done");
    }
  }
}
