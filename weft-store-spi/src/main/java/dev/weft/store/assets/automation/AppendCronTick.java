package dev.weft.store.assets.automation;

import dev.weft.store.Write;
import dev.weft.store.assets.AssetKeys;
import java.time.Instant;
import java.util.Objects;

/**
 * Appends a {@link AssetChangeKind#CRON_TICK} entry to the change log: a cron tick of the asset's
 * automation condition passed at {@code tick}. Conditional: conflicts if the log already holds a
 * tick of that asset at that time or later (so a tick recorded twice, by a retried or a second
 * writer, counts once).
 *
 * @param namespace the asset's namespace
 * @param assetKey the asset
 * @param tick the tick that passed
 */
public record AppendCronTick(String namespace, String assetKey, Instant tick) implements Write {
  /** Validates the write. */
  public AppendCronTick {
    Objects.requireNonNull(namespace, "namespace");
    AssetKeys.requireAssetKey("assetKey", assetKey);
    Objects.requireNonNull(tick, "tick");
  }

  @Override
  public String runId() {
    return null;
  }
}
