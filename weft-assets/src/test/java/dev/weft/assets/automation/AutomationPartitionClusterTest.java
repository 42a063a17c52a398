package dev.weft.assets.automation;

import static dev.weft.assets.automation.AutomationCondition.eager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.assets.Asset;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.FileIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.PartitionSelection;
import dev.weft.assets.partitions.TimeWindowPartitions;
import dev.weft.assets.testsupport.AssetEngines;
import dev.weft.client.WorkflowFilter;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partitioned case of {@link AutomationClusterTest}: two engines on one PostgreSQL evaluate an
 * {@code eager()} daily asset while upstream partitions are materialized on both, one at a time;
 * every downstream partition is computed exactly once, every fired evaluation started one run, and
 * the partitions the evaluations name are disjoint and cover the upstream ones.
 */
class AutomationPartitionClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final TimeWindowPartitions DAILY =
      TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), ZoneOffset.UTC);
  private static final int DAYS = 16;

  @TempDir Path dir;
  @TempDir Path data;
  @RegisterExtension final AssetEngines engines = new AssetEngines();
  private final List<String> computed = new CopyOnWriteArrayList<>();

  List<AssetsDefinition> definitions() {
    return List.of(
        Asset.builder("raw/days")
            .partitions(DAILY)
            .output(String.class)
            .compute(ctx -> "raw " + ctx.partitionKey()),
        Asset.builder("clean/days")
            .partitions(DAILY)
            .deps("raw/days")
            .output(String.class)
            .automation(eager())
            .compute(
                ctx -> {
                  computed.add(ctx.partitionKey());
                  return "clean " + ctx.partitionKey();
                }));
  }

  Assets node(String name) {
    return engines.start(
        TestStore.POSTGRES.open(dir),
        engine -> engine.nodeId(name),
        assets ->
            assets
                .definitions(definitions())
                .ioManager(IoManager.DEFAULT, FileIoManager.json(data))
                .automationTiming(LEASE, POLL));
  }

  AutomationLog log() {
    return engines.first().store().extension(AutomationLog.class);
  }

  boolean settled() {
    List<AssetChangeRecord> all = log().changesAfter("default", 0, 10_000);
    long last = all.isEmpty() ? 0 : all.getLast().seq();
    long cursor = log().cursor("default", "default").map(c -> c.cursor()).orElse(0L);
    boolean running =
        engines
                .first()
                .client()
                .countWorkflows(
                    WorkflowFilter.query(
                        "WorkflowId STARTS_WITH '__weft_auto:' AND ExecutionStatus = 'Running'"))
            > 0;
    return cursor == last && !running;
  }

  @Test
  void twoNodesMaterializeEachDownstreamPartitionExactlyOnce() {
    Assets a = node("node-a");
    Assets b = node("node-b");
    List<String> days = new ArrayList<>();
    for (int i = 0; i < DAYS; i++) {
      String day = LocalDate.of(2024, 1, 1).plusDays(i).toString();
      days.add(day);
      (i % 2 == 0 ? a : b).materialize("raw/days", PartitionSelection.keys(day)).await(WAIT);
    }
    try {
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> computed.size() >= DAYS && settled());
    } catch (RuntimeException e) {
      List<AssetChangeRecord> all = log().changesAfter("default", 0, 10_000);
      System.out.println("not settled: computed=" + computed);
      System.out.println("not settled: changes=" + all);
      System.out.println("not settled: cursor=" + log().cursor("default", "default"));
      System.out.println(
          "evals=" + log().evaluations("default", "clean/days", null, 100).evaluations());
      throw e;
    }

    assertThat(computed)
        .as("each downstream partition once")
        .containsExactlyInAnyOrderElementsOf(days);
    List<AutomationEvaluationRecord> fired =
        log().evaluations("default", "clean/days", null, 10_000).evaluations().stream()
            .filter(AutomationEvaluationRecord::fired)
            .toList();
    List<String> ids =
        engines
            .first()
            .client()
            .listWorkflows(WorkflowFilter.query("WorkflowId STARTS_WITH '__weft_auto:clean/days:'"))
            .workflows()
            .stream()
            .map(r -> r.workflowId())
            .toList();
    assertThat(ids).doesNotHaveDuplicates().hasSameSizeAs(fired);
    assertThat(fired)
        .extracting(AutomationEvaluationRecord::workflowId)
        .containsExactlyInAnyOrderElementsOf(ids);
    Set<String> named = new HashSet<>();
    for (AutomationEvaluationRecord e : fired) {
      for (String part : e.partitions().split(", ")) {
        String[] bounds = part.split("\\.\\.");
        LocalDate from = LocalDate.parse(bounds[0]);
        LocalDate to = LocalDate.parse(bounds[bounds.length - 1]);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          assertThat(named.add(d.toString()))
              .as("partition %s named by one evaluation", d)
              .isTrue();
        }
      }
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(days);
  }
}
