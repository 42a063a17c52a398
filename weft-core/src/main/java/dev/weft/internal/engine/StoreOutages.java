package dev.weft.internal.engine;

import dev.weft.store.StoreUnavailableException;
import java.util.concurrent.CompletionException;

/**
 * Recognizes a failure that only means the database is away for now ({@link
 * StoreUnavailableException}, possibly wrapped by a future): the store logs the outage once and
 * reconnects, so the engine's loops log such failures quietly and let leases, retries and the
 * safety poll carry the work over.
 */
public final class StoreOutages {
  private StoreOutages() {}

  /** Returns whether {@code failure} (or what it wraps) says the store is unavailable. */
  public static boolean isOutage(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof StoreUnavailableException;
  }
}
