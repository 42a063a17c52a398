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
}
