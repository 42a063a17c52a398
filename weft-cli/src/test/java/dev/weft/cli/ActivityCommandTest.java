package dev.weft.cli;

import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.Activity;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft activity complete|fail|heartbeat} against a real {@link WeftServer}: an attempt that
 * called {@code Activity.doNotCompleteOnReturn()} is completed, failed and heartbeated by its task
 * token; a report on an attempt that no longer runs exits 1 and names the problem; bad usage exits
 * 2.
 */
class ActivityCommandTest {
  @TempDir static Path dir;
  static WeftEngine engine;
  static WeftServer server;
  static final BlockingQueue<String> TOKENS = new LinkedBlockingQueue<>();

  @ActivityInterface
  public interface Approvals {
    String approve(String item);
  }

  public static class ApprovalsImpl implements Approvals {
    @Override
    public String approve(String item) {
      TOKENS.add(Activity.getInfo().taskToken());
      Activity.doNotCompleteOnReturn();
      return null;
    }
  }

  @WorkflowInterface
  public interface Purchase {
    @WorkflowMethod
    String buy(String item);
  }

  public static class PurchaseImpl implements Purchase {
    @Override
    public String buy(String item) {
      Approvals approvals =
          Workflow.newActivityStub(
              Approvals.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofMinutes(5))
                  .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
                  .build());
      return item + ": " + approvals.approve(item);
    }
  }

  @BeforeAll
  static void startServer() {
    engine = WeftEngine.builder().store(SqliteStore.open(dir.resolve("weft.db"))).build();
    engine
        .newWorker("approvals")
        .registerWorkflow(Purchase.class, PurchaseImpl::new)
        .registerActivities(new ApprovalsImpl());
    engine.start();
    server = WeftServer.start(engine, WeftServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
    engine.close();
  }

  private static CliRun activity(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "activity";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--address";
    all[args.length + 2] = server.baseUri().toString();
    return run(all);
  }

  private static WorkflowHandle<Object> buy(String item) {
    return engine
        .client()
        .start("Purchase", WorkflowOptions.newBuilder().taskQueue("approvals").build(), item);
  }

  private static String nextToken() throws InterruptedException {
    String token = TOKENS.poll(30, TimeUnit.SECONDS);
    assertThat(token).as("the attempt handed out its task token").isNotNull();
    return token;
  }

  @Test
  void heartbeatsAndCompletesAnAttemptByItsToken() throws Exception {
    WorkflowHandle<Object> h = buy("laptop");
    String token = nextToken();

    CliRun beat = activity("heartbeat", "--task-token", token, "--details", "{\"asked\": \"Ada\"}");
    assertThat(beat.exit()).as(beat.err()).isZero();
    assertThat(beat.out()).contains("Heartbeat recorded; cancel requested: no");
    CliRun beatJson = activity("heartbeat", "--task-token", token, "--output", "json");
    assertThat(JsonValues.parseOne("json", beatJson.out()).path("cancelRequested").asBoolean())
        .isFalse();

    CliRun done =
        activity("complete", "--task-token", token, "--result", "\"approved\"", "--output", "json");
    assertThat(done.exit()).as(done.err()).isZero();
    assertThat(JsonValues.parseOne("json", done.out()).path("reported").asText())
        .isEqualTo("complete");
    assertThat(h.getResult(String.class)).isEqualTo("laptop: approved");

    CliRun again = activity("complete", "--task-token", token, "--result", "\"twice\"");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("409 activity-lease-lost");
  }

  @Test
  void failsAnAttemptForGood() throws Exception {
    WorkflowHandle<Object> h = buy("yacht");
    String token = nextToken();

    CliRun failed =
        activity(
            "fail",
            "--task-token",
            token,
            "--type",
            "Rejected",
            "--message",
            "over budget",
            "--non-retryable");

    assertThat(failed.exit()).as(failed.err()).isZero();
    assertThat(failed.out()).contains("Failed the activity attempt (Rejected, non-retryable)");
    assertThatThrownBy(() -> h.getResult(String.class))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("over budget");
  }

  @Test
  void badUsageExits2AndAnUnknownTokenExits1() {
    assertThat(activity("complete").exit()).isEqualTo(2);
    assertThat(activity("fail", "--task-token", "t").exit()).isEqualTo(2);
    CliRun notJson = activity("complete", "--task-token", "t", "--result", "not json");
    assertThat(notJson.exit()).isEqualTo(2);
    assertThat(notJson.err()).contains("--result 'not json' is not a JSON value");
    assertThat(activity().exit()).isEqualTo(2);

    CliRun unknown = activity("complete", "--task-token", "not-a-token");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("404 activity-not-found");
  }
}
