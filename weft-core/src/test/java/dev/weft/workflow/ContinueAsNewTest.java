package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continue-as-new: a long catch-up in short runs. */
@Tag("engine")
public class ContinueAsNewTest {
  static final AtomicLong PROCESSED = new AtomicLong();

  @ActivityInterface
  public interface Items {
    /** Processes items [from, to) and returns how many it processed. */
    long process(long from, long to);
  }

  @WorkflowInterface
  public interface CatchUp {
    @WorkflowMethod
    long run(long from, long to, long total);
  }

  /** Processes 1,000 items per run in chunks of 100, then continues with the rest. */
  public static class CatchUpImpl implements CatchUp {
    @Override
    public long run(long from, long to, long total) {
      Items items =
          Workflow.newActivityStub(
              Items.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      long end = Math.min(to, from + 1_000);
      long done = total;
      for (long chunk = from; chunk < end; chunk += 100) {
        done += items.process(chunk, Math.min(end, chunk + 100));
      }
      if (end < to) {
        Workflow.continueAsNew(end, to, done);
      }
      return done;
    }
  }

  @Test
  void aCatchUpOverOneHundredThousandItemsRunsAsShortRuns(@TempDir Path dir) {
    PROCESSED.set(0);
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e ->
                e.newWorker("catch-up")
                    .registerWorkflow(CatchUp.class, CatchUpImpl::new)
                    .registerActivities(
                        (Items)
                            (from, to) -> {
                              PROCESSED.addAndGet(to - from);
                              return to - from;
                            }))) {
      CatchUp stub =
          f.client()
              .newWorkflowStub(
                  CatchUp.class,
                  WorkflowOptions.newBuilder().taskQueue("catch-up").workflowId("blocks").build());
      WorkflowHandle<Long> first = f.client().start(stub::run, 0L, 100_000L, 0L);
      assertThat(first.getResult(Duration.ofMinutes(5))).isEqualTo(100_000L);
      assertThat(PROCESSED).hasValue(100_000L);

      List<WorkflowSummary> runs =
          f.client()
              .listWorkflows(WorkflowFilter.all().withWorkflowId("blocks").withPageSize(1000))
              .workflows();
      assertThat(runs).hasSize(100);
      assertThat(runs.stream().filter(r -> r.status() == WorkflowStatus.CONTINUED_AS_NEW))
          .hasSize(99);
      assertThat(runs.get(0).status()).isEqualTo(WorkflowStatus.COMPLETED);
      for (WorkflowSummary r : runs) {
        assertThat(f.client().getHandle("blocks", r.runId()).describe().historyLength())
            .isLessThanOrEqualTo(40);
      }
      List<HistoryEvent> firstHistory = first.fetchHistory().events();
      assertThat(firstHistory.get(firstHistory.size() - 1).attributes())
          .isInstanceOfSatisfying(
              EventAttributes.WorkflowContinuedAsNew.class,
              c -> assertThat(c.newRunId()).isEqualTo(runs.get(98).runId()));
      HistoryEvent secondStart =
          f.client().getHandle("blocks", runs.get(98).runId()).fetchHistory().events().get(0);
      assertThat(secondStart.attributes())
          .isInstanceOfSatisfying(
              EventAttributes.WorkflowStarted.class,
              s -> assertThat(s.continuedFromRunId()).isEqualTo(first.runId()));
      Histories.record("continue-as-new-first-run", first);
      Histories.record("continue-as-new-last-run", f.client().getHandle("blocks"));
    }
  }
}
