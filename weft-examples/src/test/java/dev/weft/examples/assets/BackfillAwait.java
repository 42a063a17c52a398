package dev.weft.examples.assets;

import dev.weft.assets.Assets;
import dev.weft.store.assets.backfills.BackfillAssetProgress;
import dev.weft.store.assets.backfills.BackfillRecord;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Awaits the end of a backfill the examples launched, and reads its progress per asset. */
final class BackfillAwait {
  private BackfillAwait() {}

  /** Waits until {@code launched} ended (at most {@code wait}); returns its row then. */
  static BackfillRecord ended(Assets assets, BackfillRecord launched, Duration wait) {
    String id = launched.backfillId();
    Awaitility.await().atMost(wait).until(() -> assets.backfills().describe(id).status().ended());
    return assets.backfills().describe(id);
  }

  /** The progress of {@code asset} in {@code backfill}. */
  static BackfillAssetProgress progress(BackfillRecord backfill, String asset) {
    return backfill.assets().stream()
        .filter(a -> a.assetKey().equals(asset))
        .findFirst()
        .orElseThrow(() -> new AssertionError(asset + " is not in " + backfill.assets()));
  }
}
