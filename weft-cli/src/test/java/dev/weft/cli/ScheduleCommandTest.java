package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.common.WorkflowStatus;
import dev.weft.schedules.Schedules;
import dev.weft.server.WeftServer;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code weft schedule create|list|describe|pause|unpause|trigger|backfill|delete} against a real
 * {@link WeftServer} whose engine hosts the schedule workflows, and the refusals (exit 1 with the
 * server's problem, exit 2 for bad usage).
 */
class ScheduleCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final ApiServerExtension server =
      ApiServerExtension.serving(
          e -> {
            e.newWorker("pings").registerWorkflow(Ping.class, PingImpl::new);
            Schedules.builder(e).build();
          });

  @WorkflowInterface
  public interface Ping {
    @WorkflowMethod
    String ping(String who);
  }

  public static class PingImpl implements Ping {
    @Override
    public String ping(String who) {
      return "pong " + who;
    }
  }

  private static CliRun schedule(String... args) {
    return server.run("schedule", args);
  }

  private static JsonNode json(CliRun run) {
    try {
      return JSON.readTree(run.out());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + run.out(), e);
    }
  }

  @Test
  void createsListsDescribesTriggersPausesBackfillsAndDeletesASchedule() {
    CliRun created =
        schedule(
            "create",
            "pinger",
            "--cron",
            "*/15 * * * *",
            "--time-zone",
            "Europe/Paris",
            "--workflow-type",
            "Ping",
            "--task-queue",
            "pings",
            "--input",
            "\"cli\"",
            "--overlap",
            "ALLOW_ALL",
            "--note",
            "made by the test");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out()).contains("created pinger (*/15 * * * * Europe/Paris, startWorkflow)");

    CliRun listed = schedule("list");
    assertThat(listed.exit()).isZero();
    assertThat(listed.lines().get(0)).startsWith("ID").contains("NEXT FIRE TIME");
    assertThat(listed.lines())
        .filteredOn(l -> l.startsWith("pinger "))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("startWorkflow").contains(" no "));

    CliRun described = schedule("describe", "pinger", "--next", "3");
    assertThat(described.exit()).as(described.err()).isZero();
    assertThat(described.out())
        .contains("when        */15 * * * * Europe/Paris")
        .contains("start Ping on pings [\"cli\"]")
        .contains("next fire times:")
        .contains("recent firings:");
    assertThat(described.lines()).filteredOn(l -> l.matches("  20\\d\\d-.*Z")).hasSize(3);
    JsonNode json = json(schedule("describe", "pinger", "--next", "3", "--output", "json"));
    assertThat(json.path("nextFireTimes")).hasSize(3);
    assertThat(json.path("action").path("args").get(0).asText()).isEqualTo("cli");

    assertThat(schedule("trigger", "pinger").out()).contains("triggered pinger");
    String afterTrigger =
        await()
            .atMost(WAIT)
            .until(() -> schedule("describe", "pinger").out(), out -> out.contains(" run "));
    assertThat(afterTrigger).contains("STARTED").contains("pinger@");

    assertThat(schedule("pause", "pinger", "--note", "maintenance").out())
        .contains("paused pinger");
    await()
        .atMost(WAIT)
        .until(
            () -> schedule("describe", "pinger").out(),
            out -> out.contains("paused      yes (maintenance)"));
    assertThat(schedule("unpause", "pinger").exit()).isZero();
    await()
        .atMost(WAIT)
        .until(() -> schedule("describe", "pinger").out(), out -> out.contains("paused      no"));

    Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    Instant from = to.minus(Duration.ofHours(1));
    CliRun backfilled =
        schedule("backfill", "pinger", "--from", from.toString(), "--to", to.toString());
    assertThat(backfilled.exit()).as(backfilled.err()).isZero();
    for (int i = 1; i <= 4; i++) {
      String workflowId = "pinger@" + from.plus(Duration.ofMinutes(15L * i));
      await()
          .atMost(WAIT)
          .until(
              () -> {
                try {
                  return server.engine().client().getHandle(workflowId).describe().status();
                } catch (RuntimeException e) {
                  return null;
                }
              },
              s -> s == WorkflowStatus.COMPLETED);
    }

    assertThat(schedule("delete", "pinger").out()).contains("deleted pinger");
    await().atMost(WAIT).until(() -> schedule("describe", "pinger").exit(), exit -> exit == 1);
  }

  @Test
  void refusalsExitOneWithTheProblemAndBadUsageExitsTwo() {
    CliRun badCron = schedule("create", "bad", "--cron", "0 25 * * *", "--materialize", "trades/*");
    assertThat(badCron.exit()).isEqualTo(1);
    assertThat(badCron.err()).contains("hour").contains("25");
    assertThat(schedule("describe", "bad").exit()).isEqualTo(1);

    assertThat(
            schedule(
                    "create",
                    "dup",
                    "--every",
                    "PT1H",
                    "--signal",
                    "someone",
                    "wake",
                    "--paused",
                    "--note",
                    "not yet")
                .exit())
        .isZero();
    CliRun duplicate = schedule("create", "dup", "--every", "PT1H", "--signal", "someone", "wake");
    assertThat(duplicate.exit()).isEqualTo(1);
    assertThat(duplicate.err()).contains("409");

    CliRun unknown = schedule("pause", "nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("404");

    assertThat(schedule("create", "x", "--workflow-type", "Ping", "--task-queue", "q").exit())
        .isEqualTo(2);
    assertThat(
            schedule("create", "x", "--cron", "@daily", "--every", "PT1H", "--materialize", "a")
                .exit())
        .isEqualTo(2);
    assertThat(schedule("create", "x", "--every", "soon", "--materialize", "a").exit())
        .isEqualTo(2);
    assertThat(
            schedule(
                    "backfill",
                    "dup",
                    "--from",
                    "2024-01-02T00:00:00Z",
                    "--to",
                    "2024-01-01T00:00:00Z")
                .exit())
        .isEqualTo(2);
  }
}
