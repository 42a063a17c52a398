package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.examples.ExamplesApp;
import dev.weft.server.WeftServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code weft queue describe|pause|resume} against a real {@link WeftServer} serving the examples:
 * the description as a table and as JSON, a pause and a resume, and the exit codes of an unknown
 * queue (1), an unknown namespace (1) and a missing queue name (2).
 */
class QueueCommandTest {
  @RegisterExtension
  static final ApiServerExtension server = ApiServerExtension.serving(new ExamplesApp()::register);

  private static CliRun queue(String... args) {
    return server.run("queue", args);
  }

  @Test
  void describesPausesAndResumesAQueue() {
    CliRun described = queue("describe", "orders");
    assertThat(described.exit()).as(described.err()).isZero();
    assertThat(described.out())
        .contains("Task queue:        orders")
        .contains("Paused:            no")
        .contains("Backlog:           0 workflow tasks, 0 activity tasks");

    CliRun paused = queue("pause", "orders", "--reason", "provider down");
    assertThat(paused.exit()).as(paused.err()).isZero();
    assertThat(paused.out()).contains("Paused:            yes: provider down");

    CliRun json = queue("describe", "orders", "--output", "json");
    assertThat(JsonValues.parseOne("json", json.out()).path("paused").asBoolean()).isTrue();

    CliRun resumed = queue("resume", "orders");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Paused:            no");
  }

  @Test
  void listsTheQueuesAsATableAndAsJson() {
    CliRun listed = queue("list");
    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.out().lines().findFirst().orElseThrow())
        .startsWith("TASK QUEUE")
        .contains("OLDEST TASK AGE");
    assertThat(listed.out().lines().skip(1).map(l -> l.split("\\s+")[0]))
        .contains("orders")
        .isSorted();

    CliRun json = queue("list", "--output", "json");
    assertThat(
            JsonValues.parseOne("json", json.out())
                .path("taskQueues")
                .findValuesAsText("taskQueue"))
        .contains("orders");

    CliRun otherNamespace = queue("list", "--namespace", "nope");
    assertThat(otherNamespace.exit()).isEqualTo(1);
  }

  @Test
  void refusalsExitOneAndBadUsageTwo() {
    CliRun unknown = queue("describe", "no-such-queue");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("no-such-queue");

    CliRun otherNamespace = queue("describe", "orders", "--namespace", "nope");
    assertThat(otherNamespace.exit()).isEqualTo(1);
    assertThat(otherNamespace.err()).contains("nope");

    assertThat(queue("describe").exit()).isEqualTo(2);
  }

  @Test
  void limitsAndPausesActivityTypesAndShowsTheFlowControl() {
    CliRun typePaused =
        queue("pause", "orders", "--activity-type", "Charge", "--reason", "provider down");
    assertThat(typePaused.exit()).as(typePaused.err()).isZero();
    assertThat(typePaused.out()).contains("  Paused types:    Charge (provider down)");
    assertThat(server.engine().client().flowControl().isPaused("orders", "Charge")).isTrue();

    CliRun rate = queue("rate-limit", "orders", "--per-second", "2.5", "--burst", "4");
    assertThat(rate.exit()).as(rate.err()).isZero();
    assertThat(rate.out()).contains("  Rate limit:      2.5/s, burst 4");

    CliRun key =
        queue("key-limit", "orders", "--key", "tenant-7", "--max-running", "2", "--output", "json");
    assertThat(key.exit()).as(key.err()).isZero();
    assertThat(
            JsonValues.parseOne("json", key.out())
                .path("keyLimits")
                .path("tenant-7")
                .path("maxRunning")
                .asInt())
        .isEqualTo(2);

    CliRun all = queue("flow-control");
    assertThat(all.exit()).as(all.err()).isZero();
    assertThat(all.out())
        .contains("orders")
        .contains("  Key limits:      tenant-7: at most 2 running");

    assertThat(queue("resume", "orders", "--activity-type", "Charge").exit()).isZero();
    assertThat(queue("rate-limit", "orders", "--remove").exit()).isZero();
    CliRun removed = queue("key-limit", "orders", "--key", "tenant-7", "--remove");
    assertThat(removed.out())
        .contains("  Paused types:    none")
        .contains("  Rate limit:      none")
        .contains("  Key limits:      none");
    assertThat(server.engine().client().flowControl().queueRates()).doesNotContainKey("orders");
  }

  @Test
  void badLimitsExitTwoAndUnknownQueuesOne() {
    assertThat(queue("rate-limit", "orders").exit()).isEqualTo(2);
    assertThat(queue("rate-limit", "orders", "--per-second", "1", "--remove").exit()).isEqualTo(2);
    assertThat(queue("key-limit", "orders", "--key", "k").exit()).isEqualTo(2);
    assertThat(queue("key-limit", "orders", "--key", "k", "--burst", "3").exit()).isEqualTo(2);
    CliRun zero = queue("rate-limit", "orders", "--per-second", "0");
    assertThat(zero.exit()).isEqualTo(1);
    assertThat(zero.err()).contains("400 invalid-field");
    CliRun unknown = queue("rate-limit", "no-such-queue", "--per-second", "1");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("404 task-queue-not-found");
  }
}
