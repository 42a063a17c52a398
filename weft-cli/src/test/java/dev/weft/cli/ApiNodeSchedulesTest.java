package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.cli.ScheduleCommandTest.Ping;
import dev.weft.cli.ScheduleCommandTest.PingImpl;
import dev.weft.engine.AppContext;
import dev.weft.engine.WeftApp;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.TriggerAction;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node of {@code weft server} and {@code weft dev} ({@link ApiNode}) hosts the schedule
 * workflows: a schedule created over the API fires, and an app that builds its own {@link
 * Schedules} on the node's engine gets its schedules created at start.
 */
class ApiNodeSchedulesTest {
  @TempDir Path dir;

  /** An app with a ping worker and a schedule of its own. */
  private static final class PingApp implements WeftApp {
    @Override
    public String name() {
      return "pings";
    }

    @Override
    public void register(WeftEngine engine) {
      engine.newWorker("pings").registerWorkflow(Ping.class, PingImpl::new);
      Schedules.builder(engine)
          .schedule(
              ScheduleDefinition.of(
                  "app-hourly",
                  ScheduleSpec.cron("0 * * * *"),
                  TriggerAction.StartWorkflow.of("Ping", "pings")))
          .build();
    }
  }

  @Test
  void aNodeRunsSchedulesCreatedOverTheApiAndCreatesTheSchedulesOfItsApps() {
    try (ApiNode node =
        ApiNode.start(
            SqliteStore.open(dir.resolve("weft.db")),
            "n1",
            List.of(new PingApp()),
            new AppContext(dir),
            WeftServerOptions.defaults().withHost("127.0.0.1").withPort(0),
            null)) {
      String address = node.server().baseUri().toString();
      CliRun created =
          CliRun.run(
              "schedule",
              "create",
              "api-made",
              "--every",
              "PT1H",
              "--workflow-type",
              "Ping",
              "--task-queue",
              "pings",
              "--input",
              "\"node\"",
              "--address",
              address);
      assertThat(created.exit()).as(created.err()).isZero();

      CliRun listed = CliRun.ok("schedule", "list", "--address", address);
      assertThat(listed.out()).contains("api-made").contains("app-hourly");

      CliRun.ok("schedule", "trigger", "api-made", "--address", address);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> CliRun.ok("schedule", "describe", "api-made", "--address", address).out(),
              out -> out.contains("STARTED") && out.contains(" run "));
    }
  }
}
