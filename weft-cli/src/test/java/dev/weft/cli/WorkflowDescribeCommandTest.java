package dev.weft.cli;

import static dev.weft.cli.CliRun.ok;
import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft workflow describe}: a closed run, a waiting one, one whose workflow task fails. Runs
 * the CLI in-process ({@link CliRun}) on a store a real engine wrote ({@link GreeterStore}).
 */
class WorkflowDescribeCommandTest {
  @TempDir static Path shared;

  private static GreeterStore.Written store;

  @BeforeAll
  static void writeStore() {
    store = GreeterStore.write(shared.resolve("weft.db"));
  }

  private static String db() {
    return store.file().toString();
  }

  private static String adaRunId() {
    return store.ada().runId();
  }

  @Test
  void describeShowsStatusTimesHistoryAttributesAndMemo() {
    CliRun ada = ok("workflow", "describe", "--store", db(), "greet-ada");

    assertThat(ada.field("Workflow ID")).isEqualTo("greet-ada");
    assertThat(ada.field("Run ID")).isEqualTo(adaRunId());
    assertThat(ada.field("Type")).isEqualTo("Greeter");
    assertThat(ada.field("Task queue")).isEqualTo(GreeterStore.QUEUE);
    assertThat(ada.field("Status")).isEqualTo("COMPLETED");
    assertThat(Instant.parse(ada.field("Closed")))
        .isAfterOrEqualTo(Instant.parse(ada.field("Started")));
    assertThat(ada.field("History")).startsWith(store.ada().events().size() + " events, ");
    assertThat(ada.field("Pending activities")).isEqualTo("none");
    assertThat(ada.field("Pending timers")).isEqualTo("none");
    assertThat(ada.lines()).containsSubsequence("Search attributes:", "  Customer = acme");
    assertThat(ada.lines()).containsSubsequence("Memo:", "  channel = cli", "  tags = [vip, eu]");
    assertThat(ada.out()).doesNotContain("History warning").doesNotContain("Workflow task:");

    CliRun cy = ok("workflow", "describe", "--store", db(), "wait-cy", "--run-id", store.cyRunId());
    assertThat(cy.field("Run ID")).isEqualTo(store.cyRunId());
    assertThat(cy.field("Status")).isEqualTo("RUNNING");
    assertThat(cy.field("Closed")).isEqualTo("-");
    List<String> lines = cy.lines();
    String timer = lines.get(lines.indexOf("Pending timers:") + 1);
    Matcher fires = Pattern.compile("  #\\d+ fires at (\\S+)").matcher(timer);
    assertThat(fires.matches()).as(timer).isTrue();
    assertThat(Instant.parse(fires.group(1)))
        .isAfter(Instant.parse(cy.field("Started")).plusSeconds(3500));
  }

  @Test
  void describeShowsAFailingWorkflowTaskWithItsStackIndented() {
    CliRun boom = ok("workflow", "describe", "--store", db(), "greet-boom");

    assertThat(boom.field("Status")).isEqualTo("RUNNING");
    assertThat(boom.field("Paused")).matches("since \\S+ by \\S+: looking into it");
    assertThat(boom.field("Workflow task"))
        .matches("attempt \\d+, failing: java.lang.IllegalStateException: cannot greet Boom");
    List<String> lines = boom.lines();
    int failure = lines.indexOf("Workflow task:      " + boom.field("Workflow task"));
    assertThat(lines.get(failure + 1)).matches(" {22}at dev\\.weft\\.cli\\.GreeterStore.+");
  }

  @Test
  void describeOfAnUnknownWorkflowExitsOneWithWeftsMessage() {
    CliRun r = run("workflow", "describe", "--store", db(), "nobody");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("weft workflow describe: no workflow with ID 'nobody'\n");
  }
}
