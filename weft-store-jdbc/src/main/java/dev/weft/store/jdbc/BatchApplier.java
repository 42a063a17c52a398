package dev.weft.store.jdbc;

import dev.weft.store.Batch;
import dev.weft.store.StoreException;
import dev.weft.store.Write;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies the writes of a {@link Batch} inside the writer's transaction, in order, each by the
 * applier of its kind: history appends ({@link HistoryAppends}), a run's life ({@link RunWrites})
 * and pause ({@link RunPauses}), workflow tasks ({@link WorkflowTaskWrites}), activity tasks
 * ({@link ActivityTaskWrites}), timers ({@link TimerWrites}), the inbox ({@link InboxWrites}),
 * visibility ({@link VisibilityWrites}) and the namespace catalog ({@link NamespaceRows}), or the
 * {@link WriteApplier} a store extension registered for it. A conditional write that does not hold
 * throws {@link ConflictException}; the writer then rolls the batch back. A write no applier takes
 * fails the batch with a {@link StoreException} that names its class and the installed extensions.
 *
 * <p>Two things are decided here, across writes: an {@link Write.IfNotPaused} guard followed by its
 * run's append is folded into that append, and {@link Write.IfRunning} applies its writes only to a
 * running run. What the writes of one batch share lives in a {@link BatchContext} made for it.
 */
final class BatchApplier {
  private final Dialect dialect;
  private final FairQueues fairQueues;
  private final Appliers appliers;
  private final HistoryAppends history;
  private final String extensionNames;

  /**
   * Registers the core's appliers in {@code appliers}, which the store's extensions fill too before
   * the first batch.
   *
   * @param extensions the store's extensions, whose rows of a deleted run go with it
   */
  BatchApplier(
      Dialect dialect,
      FairQueues fairQueues,
      boolean exclusive,
      Appliers appliers,
      List<JdbcExtension> extensions) {
    this.dialect = dialect;
    this.fairQueues = fairQueues;
    this.appliers = appliers;
    this.extensionNames = Extensions.names(extensions);
    PausedRuns pausedRuns = new PausedRuns(exclusive);
    this.history = new HistoryAppends(dialect, pausedRuns);
    history.register(appliers);
    new RunWrites(dialect, exclusive, pausedRuns, extensions).register(appliers);
    new RunPauses(dialect, pausedRuns).register(appliers);
    new WorkflowTaskWrites(dialect).register(appliers);
    new ActivityTaskWrites(dialect).register(appliers, this::apply);
    new TimerWrites(dialect).register(appliers);
    new InboxWrites(dialect).register(appliers);
    VisibilityWrites.register(appliers);
    NamespaceRows.register(appliers);
    appliers.add(Write.IfRunning.class, this::ifRunning);
  }

  void apply(Batch batch, Statements st, Notifications notes)
      throws SQLException, ConflictException {
    BatchContext context =
        new BatchContext(dialect, st, notes, fairQueues.allocation(), this::apply);
    apply(batch.writes(), context);
    context.passes().flush();
  }

  private void apply(List<Write> writes, BatchContext batch)
      throws SQLException, ConflictException {
    Write.IfNotPaused deferredGuard = null;
    int guardedAppend = -1;
    for (int i = 0; i < writes.size(); i++) {
      Write write = writes.get(i);
      if (write instanceof Write.IfNotPaused guard) {
        int append = guardedAppend(writes, i);
        if (append >= 0) {
          // the common eager step: the run's append checks the pause itself (one statement fewer);
          // a paused run fails it, and with it the whole batch, as the guard would have
          deferredGuard = guard;
          guardedAppend = append;
          continue;
        }
      }
      if (i == guardedAppend) {
        history.appendEvents((Write.AppendEvents) write, deferredGuard, batch);
        continue;
      }
      Applier<Write> applier = appliers.of(write.getClass());
      if (applier == null) {
        throw unknown(write);
      }
      applier.apply(write, batch);
    }
  }

  /** The failure of a batch holding a write that neither the core nor an extension applies. */
  private StoreException unknown(Write write) {
    return new StoreException(
        "the "
            + dialect.name()
            + " store cannot apply writes of "
            + write.getClass().getName()
            + (write.runId() == null ? "" : " (of run " + write.runId() + ")")
            + ": neither its core nor its installed extensions "
            + extensionNames
            + " apply them; install the store extension that defines them");
  }

  /**
   * Returns the index of the append after the guard at {@code at} that can check the guard's pause
   * itself (the first append of the same run, not its first events), or -1.
   */
  private static int guardedAppend(List<Write> writes, int at) {
    String runId = ((Write.IfNotPaused) writes.get(at)).runId();
    for (int j = at + 1; j < writes.size(); j++) {
      if (writes.get(j) instanceof Write.AppendEvents append && append.runId().equals(runId)) {
        return append.expectedNextEventId() > 1 ? j : -1;
      }
    }
    return -1;
  }

  private void ifRunning(Write.IfRunning w, BatchContext batch)
      throws SQLException, ConflictException {
    if (WriteSql.isRunning(w.runId(), batch.statements())) {
      apply(w.writes(), batch);
    }
  }
}
