package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The base of every contract class: gives each test a fresh store from {@link #newStore()}, closes
 * it afterwards, and holds the commit helpers the contracts share.
 *
 * <p>A backend implements only {@link #newStore()}. Everything a test needs from the store beyond
 * the common contract it checks with {@link #assumeCapability}, so that a store without it reports
 * the test as skipped.
 */
@Tag("store")
public abstract class StoreContract {
  private static final long TIMEOUT_SECONDS = 60;

  /** The store under test: a new, empty one for each test. */
  protected Store store;

  /**
   * Returns a new, empty store. Called once before each test; the suite closes it after the test.
   */
  protected abstract Store newStore();

  /** Opens the store of the next test. */
  @BeforeEach
  protected void openStore() {
    store = newStore();
  }

  /** Closes the store of the last test, unless the test closed it itself. */
  @AfterEach
  protected void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  /** Closes the store now, for tests of what {@link Store#close()} does. */
  protected final void closeStoreNow() {
    Store closing = store;
    store = null;
    closing.close();
  }

  /** Skips the test unless the store supports what it needs. */
  protected final void assumeCapability(boolean supported, String what) {
    assumeTrue(supported, () -> store.capabilities().name() + " does not support " + what);
  }

  /** Skips the test unless one process at a time owns the store. */
  protected final void assumeExclusiveAccess() {
    assumeCapability(store.capabilities().exclusiveAccess(), "exclusive access");
  }

  /** Commits a batch of the writes and waits for its result. */
  protected final CommitResult commit(Write... writes) {
    return await(store.commit(Batch.of(writes)));
  }

  /** Commits a batch of the writes and asserts that it was applied. */
  protected final void commitOk(Write... writes) {
    commitOk(Batch.of(writes));
  }

  /** Commits a batch and asserts that it was applied. */
  protected final void commitOk(Batch batch) {
    CommitResult result = await(store.commit(batch));
    assertThat(result).as("commit result").isInstanceOf(CommitResult.Committed.class);
  }

  /** Commits a batch of the writes, asserts that it conflicted, and returns the conflict. */
  protected final CommitResult.Conflict commitConflict(Write... writes) {
    CommitResult result = commit(writes);
    assertThat(result).as("commit result").isInstanceOf(CommitResult.Conflict.class);
    return (CommitResult.Conflict) result;
  }

  /** Inserts a running run with the defaults of {@link TestData#run} and returns it. */
  protected final RunRecord startRun(String runId) {
    RunRecord run = TestData.run(runId).build();
    commitOk(new Write.InsertRun(run, Set.of()));
    return run;
  }

  /** Returns the run, failing the test if it does not exist. */
  protected final RunRecord storedRun(String runId) {
    return store.findRun(runId).orElseThrow(() -> new AssertionError("run " + runId + " missing"));
  }

  /** Waits for a store future, failing the test if it takes longer than a minute. */
  protected static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the store", e);
    } catch (ExecutionException e) {
      throw new AssertionError("store future failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("store future not done after " + TIMEOUT_SECONDS + "s", e);
    }
  }
}
