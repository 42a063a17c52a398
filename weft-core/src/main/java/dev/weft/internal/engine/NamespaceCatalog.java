package dev.weft.internal.engine;

import dev.weft.engine.NamespaceConfig;
import dev.weft.engine.NamespaceDescription;
import dev.weft.engine.NamespaceUpdate;
import dev.weft.engine.Namespaces;
import dev.weft.engine.WeftClock;
import dev.weft.failure.NamespaceAlreadyExistsException;
import dev.weft.failure.NamespaceNotFoundException;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.NamespaceRecord;
import dev.weft.store.Store;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The namespace catalog over the store's namespace writes and reads. */
public final class NamespaceCatalog implements Namespaces {
  private static final Logger log = LoggerFactory.getLogger(NamespaceCatalog.class);

  private final Store store;
  private final WeftClock clock;

  public NamespaceCatalog(Store store, WeftClock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public NamespaceDescription create(NamespaceConfig config) {
    Objects.requireNonNull(config, "config");
    Instant now = clock.now();
    NamespaceRecord row =
        new NamespaceRecord(config.name(), config.description(), config.retention(), now, now);
    CommitResult result = store.commit(Batch.of(new Write.InsertNamespace(row))).join();
    if (!result.committed()) {
      throw new NamespaceAlreadyExistsException(config.name());
    }
    return describe(row);
  }

  @Override
  public NamespaceDescription describe(String name) {
    return describe(find(name));
  }

  @Override
  public NamespaceDescription update(String name, NamespaceUpdate update) {
    Objects.requireNonNull(update, "update");
    if (!NamespaceConfig.isValidName(name)) {
      throw new NamespaceNotFoundException(name);
    }
    CommitResult result =
        store
            .commit(
                Batch.of(
                    new Write.UpdateNamespace(
                        name, update.description(), update.retention(), clock.now())))
            .join();
    if (!result.committed()) {
      throw new NamespaceNotFoundException(name);
    }
    return describe(name);
  }

  @Override
  public List<NamespaceDescription> list() {
    return store.listNamespaces().stream().map(NamespaceCatalog::describe).toList();
  }

  /**
   * Returns the stored namespace.
   *
   * @throws NamespaceNotFoundException if there is none of that name (an invalid name included)
   */
  public NamespaceRecord find(String name) {
    if (!NamespaceConfig.isValidName(name)) {
      throw new NamespaceNotFoundException(name);
    }
    return store.findNamespace(name).orElseThrow(() -> new NamespaceNotFoundException(name));
  }

  /**
   * Creates the engine's own namespace with {@code retention} unless it exists (another node, or an
   * earlier start, created it: its stored settings are kept, and a different retention is logged).
   */
  public void ensure(String name, Duration retention) {
    NamespaceRecord existing = store.findNamespace(name).orElse(null);
    if (existing == null) {
      try {
        create(new NamespaceConfig(name, "", retention));
        log.info("created namespace '{}' (retention {})", name, retention);
        return;
      } catch (NamespaceAlreadyExistsException raced) {
        existing = find(name);
      }
    }
    if (!existing.retention().equals(retention)) {
      log.info(
          "namespace '{}' keeps its stored retention {}, not the engine's {}; change it with"
              + " engine.namespaces().update (or weft namespace update)",
          name,
          existing.retention(),
          retention);
    }
  }

  private static NamespaceDescription describe(NamespaceRecord row) {
    return new NamespaceDescription(
        row.name(), row.description(), row.retention(), row.createTime(), row.updateTime());
  }
}
