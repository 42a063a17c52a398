package dev.weft.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Batch;
import dev.weft.store.StoreException;
import dev.weft.store.Write;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pins what every store does with what no installed extension provides: a batch holding a write
 * whose type no extension applies fails with a {@link StoreException} naming the write's class, and
 * nothing of the batch is applied; {@link dev.weft.store.Store#extension} of reads no extension
 * offers throws a {@link StoreException} naming the type asked for and the store.
 */
public abstract class ExtensionContract extends StoreContract {

  /** A write of a feature no store has installed. */
  public record UninstalledWrite(String runId) implements Write {}

  /** The reads of a feature no store has installed. */
  public interface UninstalledReads {}

  @Test
  void aWriteNoExtensionAppliesFailsItsBatchNamingItsClassAndNothingIsApplied() {
    Batch batch = batchWithUnknownWrite();

    assertThatThrownBy(() -> store.commit(batch).get(60, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(UninstalledWrite.class.getName())
        .hasMessageContaining("r1");
    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.stats().runs()).isZero();
  }

  @Test
  void aWriteNoExtensionAppliesDoesNotFailTheOtherBatchesOfItsGroup() {
    var refused = store.commit(batchWithUnknownWrite());
    var other = store.commit(Batch.of(TestData.run("r2").insert()));

    assertThat(await(other).committed()).isTrue();
    assertThatThrownBy(() -> refused.get(60, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(StoreException.class);
    assertThat(store.findRun("r2")).isPresent();
    assertThat(store.findRun("r1")).isEmpty();
  }

  @Test
  void readsNoExtensionOffersAreRefusedNamingTheTypeAndTheStore() {
    assertThatThrownBy(() -> store.extension(UninstalledReads.class))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(UninstalledReads.class.getName())
        .hasMessageContaining(store.capabilities().name());
  }

  private static Batch batchWithUnknownWrite() {
    return Batch.of(TestData.run("r1").insert(), new UninstalledWrite("r1"));
  }
}
