package dev.weft.server.api.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.greeting.GreetingApp;
import dev.weft.examples.greeting.GreetingWorkflow;
import dev.weft.server.testsupport.ApiServer;
import dev.weft.testsupport.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workers of {@code examples/} against a real server: each polls the greeting's remote
 * queue over HTTP, runs its activity and completes it, and the workflow returns the greeting the
 * worker made. Skipped (with the reason) only when the machine has no python3 or node.
 */
class RemoteWorkerExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void thePythonWorkerCompletesTheGreeting() throws Exception {
    runWorker(
        "python3",
        List.of("python3", EXAMPLES.resolve("python-worker/worker.py").toString()),
        "fr",
        "Bonjour, Ada");
  }

  @Test
  void theNodeWorkerCompletesTheGreeting() throws Exception {
    runWorker(
        "node",
        List.of("node", EXAMPLES.resolve("node-worker/worker.mjs").toString()),
        "es",
        "Hola, Ada");
  }

  private void runWorker(String program, List<String> command, String language, String greeting)
      throws Exception {
    assumeTrue(
        available(program), program + " is not on this machine's PATH: the example is not run");
    try (ApiServer s =
        ApiServer.start(TestStore.SQLITE, dir.resolve("store"), GreetingApp::register)) {
      WeftEngine engine = s.engine();
      String workflowId = "greet-" + program;
      GreetingWorkflow stub =
          engine
              .client()
              .newWorkflowStub(
                  GreetingWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .workflowId(workflowId)
                      .taskQueue(GreetingWorkflow.TASK_QUEUE)
                      .build());
      engine.client().start(stub::greet, "Ada", language);

      Path log = dir.resolve(program + ".log");
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(
          List.of("--address", s.server().baseUri().toString(), "--identity", program, "--once"));
      Process worker =
          new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean exited = worker.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        worker.destroyForcibly();
      }
      String output = Files.readString(log);
      assertThat(exited).as("the worker exited within 60 s: %s", output).isTrue();
      assertThat(worker.exitValue()).as(output).isZero();
      assertThat(output).contains("completed " + workflowId + " attempt 1: " + greeting);
      assertThat(engine.client().getHandle(workflowId).getResult(String.class))
          .isEqualTo(greeting + " (from " + workflowId + ")");
    }
  }

  private static boolean available(String program) {
    try {
      Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
