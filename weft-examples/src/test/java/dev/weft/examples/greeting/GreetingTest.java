package dev.weft.examples.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowOptions;
import dev.weft.converter.Payload;
import dev.weft.engine.RemoteActivityTask;
import dev.weft.engine.WeftEngine;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The greeting with a worker outside the engine, played here by the test through the engine's
 * remote-activity hook (the Python and Node workers are driven by weft-server's tests).
 */
class GreetingTest {

  @Test
  void aRemoteWorkerFormatsTheGreeting(@TempDir Path dir) throws Exception {
    try (WeftEngine engine =
        WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build()) {
      GreetingApp.register(engine);
      engine.start();
      GreetingWorkflow stub =
          engine
              .client()
              .newWorkflowStub(
                  GreetingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId("greet-ada")
                      .taskQueue(GreetingWorkflow.TASK_QUEUE)
                      .build());
      engine.client().start(stub::greet, "Ada", "fr");

      RemoteActivityTask task =
          engine
              .remoteActivities()
              .poll(
                  GreetingWorkflow.REMOTE_QUEUE,
                  "test",
                  Set.of(GreetingActivities.FORMAT_GREETING),
                  Duration.ofSeconds(30))
              .orElseThrow();
      assertThat(new String(task.input().data(), StandardCharsets.UTF_8))
          .isEqualTo("[\"Ada\",\"fr\"]");
      engine.remoteActivities().complete(task.taskToken(), Payload.json("\"Bonjour, Ada\""));

      assertThat(engine.client().getHandle("greet-ada").getResult(String.class))
          .isEqualTo("Bonjour, Ada (from greet-ada)");
    }
  }
}
