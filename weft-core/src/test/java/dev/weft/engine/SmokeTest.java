package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @WorkflowInterface
  public interface Greeter {
    @WorkflowMethod
    String greet(String name);
  }

  @ActivityInterface
  public interface Greetings {
    String hello(String name);
  }

  public static class GreeterImpl implements Greeter {
    private final Greetings acts =
        Workflow.newActivityStub(
            Greetings.class,
            ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(5)).build());

    @Override
    public String greet(String name) {
      String a = acts.hello(name);
      Workflow.sleep(Duration.ofMillis(200));
      return a + "!" + acts.hello("again");
    }
  }

  @Test
  void runs(@TempDir Path dir) {
    try (WeftEngine engine =
        WeftEngine.builder().store(SqliteStore.open(dir.resolve("w.db"))).build()) {
      engine
          .newWorker("q")
          .registerWorkflow(Greeter.class, GreeterImpl::new)
          .registerActivities((Greetings) n -> "hi " + n);
      engine.start();
      Greeter stub =
          engine
              .client()
              .newWorkflowStub(Greeter.class, WorkflowOptions.newBuilder().taskQueue("q").build());
      WorkflowHandle<String> h = engine.client().start(stub::greet, "bob");
      assertThat(h.getResult(Duration.ofSeconds(10))).isEqualTo("hi bob!hi again");
      System.out.println(h.fetchHistory().toJson());
    }
  }
}
