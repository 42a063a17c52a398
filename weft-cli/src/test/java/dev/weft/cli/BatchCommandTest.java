package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.server.WeftServer;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code weft batch start|describe|list|stop} against a real {@link WeftServer}: a signal batch to
 * completion, a stopped terminate batch, and the exit codes of a bad query (1, nothing started), an
 * unknown job (1) and bad usage (2).
 */
class BatchCommandTest {
  @RegisterExtension
  static final ApiServerExtension server =
      ApiServerExtension.serving(
          e -> e.newWorker("parking").registerWorkflow(Parked.class, ParkedImpl::new));

  @WorkflowInterface
  public interface Parked {
    @WorkflowMethod
    String park();

    @SignalMethod
    void release(String value);
  }

  public static class ParkedImpl implements Parked {
    private String value;

    @Override
    public String park() {
      Workflow.await(() -> value != null);
      return value;
    }

    @Override
    public void release(String value) {
      this.value = value;
    }
  }

  private static CliRun batch(String... args) {
    return server.run("batch", args);
  }

  private static void park(String prefix, int n) {
    for (int i = 0; i < n; i++) {
      server
          .engine()
          .client()
          .start(
              "Parked",
              WorkflowOptions.newBuilder().taskQueue("parking").workflowId(prefix + i).build(),
              new Object[0]);
    }
  }

  @Test
  void signalsEveryMatchingRunAndDescribesTheBatch() {
    park("cli-sig-", 3);
    CliRun started =
        batch(
            "start",
            "--type",
            "signal",
            "--signal",
            "release",
            "-i",
            "\"from the cli\"",
            "--query",
            "WorkflowId STARTS_WITH 'cli-sig-'",
            "--reason",
            "release them",
            "--rps",
            "100",
            "--job-id",
            "cli-job-1");
    assertThat(started.exit()).as(started.err()).isZero();
    assertThat(started.out()).contains("started batch operation cli-job-1");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> batch("describe", "cli-job-1").out().contains("State:       COMPLETED"));
    CliRun described = batch("describe", "cli-job-1");
    assertThat(described.out())
        .contains("Operation:   SIGNAL")
        .contains("Progress:    3 done, 0 failed, of 3");
    for (int i = 0; i < 3; i++) {
      assertThat(server.engine().client().getHandle("cli-sig-" + i).getResult(String.class))
          .isEqualTo("from the cli");
    }
    CliRun listed = batch("list");
    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("cli-job-1").contains("SIGNAL").contains("COMPLETED");
    CliRun json = batch("describe", "cli-job-1", "--output", "json");
    assertThat(JsonValues.parseOne("json", json.out()).path("completeOperationCount").asLong())
        .isEqualTo(3);
  }

  @Test
  void stopsABatchAndRefusesWhatIsWrong() {
    park("cli-stop-", 3);
    CliRun started =
        batch(
            "start",
            "--type",
            "terminate",
            "--query",
            "WorkflowId STARTS_WITH 'cli-stop-' AND ExecutionStatus = 'Running'",
            "--reason",
            "slowly",
            "--rps",
            "0.2",
            "--job-id",
            "cli-job-2");
    assertThat(started.exit()).as(started.err()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> batch("describe", "cli-job-2").out().contains("Progress:    1 done"));
    CliRun stopped = batch("stop", "cli-job-2", "--reason", "enough");
    assertThat(stopped.exit()).as(stopped.err()).isZero();
    assertThat(stopped.out()).contains("stopped batch operation cli-job-2");
    assertThat(batch("describe", "cli-job-2").out()).contains("State:       STOPPED");
    assertThat(server.engine().client().getHandle("cli-stop-0").describe().status())
        .isEqualTo(WorkflowStatus.RUNNING);

    CliRun badQuery =
        batch("start", "--type", "cancel", "--query", "WorkflowId = ", "--reason", "x");
    assertThat(badQuery.exit()).isEqualTo(1);
    assertThat(badQuery.err()).contains("WorkflowId = ");
    assertThat(batch("list").out()).doesNotContain("CANCEL");

    CliRun unknown = batch("describe", "no-such-job");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("no-such-job");

    assertThat(batch("start", "--type", "explode", "--query", "x", "--reason", "y").exit())
        .isEqualTo(2);
    assertThat(batch("start", "--type", "cancel", "--reason", "y").exit()).isEqualTo(2);
  }
}
