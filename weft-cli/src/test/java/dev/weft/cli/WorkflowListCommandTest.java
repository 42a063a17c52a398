package dev.weft.cli;

import static dev.weft.cli.CliRun.ok;
import static dev.weft.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft workflow list}: every run, a query, paging, and the errors of a query. Runs the CLI
 * in-process ({@link CliRun}) on a store a real engine wrote ({@link GreeterStore}).
 */
class WorkflowListCommandTest {
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
  void listPrintsOneLinePerRunWithItsIdsTypeStatusAndTimes() {
    CliRun r = ok("workflow", "list", "--store", db());

    List<List<String>> rows = r.rows();
    assertThat(rows).hasSize(4);
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row.subList(0, 4))
                  .containsExactly("greet-ada", adaRunId(), "Greeter", "COMPLETED");
              assertThat(Instant.parse(row.get(5))).isAfterOrEqualTo(Instant.parse(row.get(4)));
            })
        .anySatisfy(
            row ->
                assertThat(row.subList(0, 4))
                    .containsExactly("greet-bob", store.bobRunId(), "Greeter", "COMPLETED"))
        .anySatisfy(
            row -> {
              assertThat(row.subList(0, 4))
                  .containsExactly("wait-cy", store.cyRunId(), "Greeter", "RUNNING");
              assertThat(row.get(5)).isEqualTo("-");
            })
        .anySatisfy(
            row ->
                assertThat(row.subList(0, 4))
                    .containsExactly(
                        "greet-boom", store.boomRunId(), "Greeter", "RUNNING(paused)"));
  }

  @Test
  void pausedRunsAreMarkedAndCanBeListedAlone() {
    CliRun paused = ok("workflow", "list", "--store", db(), "--query", "Paused = true");

    assertThat(paused.rows())
        .extracting(row -> row.get(0) + " " + row.get(3))
        .containsExactly("greet-boom RUNNING(paused)");
  }

  @Test
  void aQueryFiltersAndOrdersTheList() {
    CliRun running =
        ok(
            "workflow",
            "list",
            "--store",
            db(),
            "--query",
            "WorkflowType = 'Greeter' AND Status = 'Running' ORDER BY StartTime DESC");
    assertThat(running.rows())
        .extracting(row -> row.get(0))
        .containsExactly("greet-boom", "wait-cy");

    CliRun acme =
        ok(
            "workflow",
            "list",
            "--store",
            db(),
            "--search-attribute",
            "Customer=keyword",
            "--query",
            "Customer = 'acme' ORDER BY StartTime ASC");
    assertThat(acme.rows()).extracting(row -> row.get(0)).containsExactly("greet-ada", "wait-cy");
  }

  @Test
  void pagingPrintsOnePageAndTellsHowToGetTheNext() {
    CliRun first = ok("workflow", "list", "--store", db(), "--page-size", "3");
    assertThat(first.rows()).hasSize(3);
    Matcher token = Pattern.compile("--page-token (\\S+)").matcher(first.err());
    assertThat(token.find()).as("stderr: %s", first.err()).isTrue();

    CliRun second =
        ok("workflow", "list", "--store", db(), "--page-size", "3", "--page-token", token.group(1));
    assertThat(second.rows()).hasSize(1);
    assertThat(second.err()).doesNotContain("--page-token");
    assertThat(Stream.concat(first.rows().stream(), second.rows().stream()).map(row -> row.get(0)))
        .containsExactlyInAnyOrder("greet-ada", "greet-bob", "wait-cy", "greet-boom");
  }

  @Test
  void anInvalidQueryExitsTwoNamingTheTokenAndItsPosition() {
    CliRun r = run("workflow", "list", "--store", db(), "--query", "Status = 'Running' AND AND");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("weft workflow list: invalid list query \"Status = 'Running' AND AND\"")
        .contains("position 24");
  }

  @Test
  void aQueryNamingAnUnregisteredSearchAttributeExitsTwo() {
    CliRun r = run("workflow", "list", "--store", db(), "--query", "Customer = 'acme'");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown field 'Customer' at position 1");
  }

  @Test
  void aBadSearchAttributeOptionExitsTwo() {
    CliRun badType =
        run("workflow", "list", "--store", db(), "--search-attribute", "Customer=COLOUR");
    assertThat(badType.exit()).isEqualTo(2);
    assertThat(badType.err()).contains("--search-attribute").contains("COLOUR");

    CliRun builtIn =
        run("workflow", "list", "--store", db(), "--search-attribute", "Status=KEYWORD");
    assertThat(builtIn.exit()).isEqualTo(2);
    assertThat(builtIn.err()).startsWith("weft workflow list: ").contains("Status");
  }
}
