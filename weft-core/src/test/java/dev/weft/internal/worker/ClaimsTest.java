package dev.weft.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.WeftClock;
import dev.weft.internal.engine.MillisClock;
import dev.weft.store.Batch;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {

  @Test
  void claimedWorkflowTasksAreLeasedToThisNodeForTheWorkflowTaskLease(@TempDir Path dir) {
    try (Store store =
        SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withDurable(false))) {
      WeftClock clock = new MillisClock(WeftClock.system());
      Instant now = clock.now();
      for (String runId : new String[] {"run-1", "run-2", "run-3"}) {
        store
            .commit(
                Batch.of(
                    new Write.InsertRun(
                        RunRecord.started("default", "wf-" + runId, runId, "T", "q", now),
                        Set.of()),
                    new Write.EnsureWorkflowTask(runId, "q", now)))
            .join();
      }
      Claims claims = new Claims(store, clock, "node-1", Duration.ofSeconds(10), Duration.ZERO);

      List<WorkflowTaskRecord> claimed = claims.workflowTasks("q", 2);

      assertThat(claimed).hasSize(2);
      assertThat(claimed).allSatisfy(t -> assertThat(t.leaseOwner()).isEqualTo("node-1"));
      assertThat(claimed.get(0).leaseToken()).isNotEqualTo(0);
      assertThat(claims.workflowTasks("q", 5)).hasSize(1);
      assertThat(claims.workflowTasks("q", 5)).isEmpty();
      assertThat(claims.activityTasks("q", "node-1", Set.of(), 5)).isEmpty();
    }
  }
}
