package dev.weft.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import dev.weft.store.jdbc.TransactionHook;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent batches share transactions (and so fsyncs) instead of committing one by one. */
@Tag("store")
class SqliteGroupCommitTest {

  @Test
  void concurrentBatchesAreCommittedInFewerTransactionsThanBatches(@TempDir Path dir) {
    AtomicInteger transactions = new AtomicInteger();
    AtomicInteger batches = new AtomicInteger();
    TransactionHook counting =
        new TransactionHook() {
          @Override
          public void afterCommit(int groupSize) {
            transactions.incrementAndGet();
            batches.addAndGet(groupSize);
          }
        };
    int n = 500;
    try (SqliteStore store =
        SqliteStore.open(SqliteStoreOptions.at(dir.resolve("g.db")).withHook(counting))) {
      List<CompletableFuture<CommitResult>> commits = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        RunRecord run =
            RunRecord.started("default", "wf-" + i, "run-" + i, "T", "q", Instant.EPOCH);
        commits.add(store.commit(Batch.of(new Write.InsertRun(run, Set.of()))));
      }
      commits.forEach(c -> assertThat(c.join().committed()).isTrue());
      assertThat(store.stats().runs()).isEqualTo(n);
    }
    assertThat(batches).hasValue(n);
    assertThat(transactions.get()).isLessThan(n / 2);
    System.out.println(n + " batches committed in " + transactions.get() + " transactions");
  }
}
