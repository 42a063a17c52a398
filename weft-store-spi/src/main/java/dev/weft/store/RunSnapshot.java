package dev.weft.store;

import java.util.List;
import java.util.Objects;

/**
 * What a worker reads to run a run's workflow task ({@link Store#loadRun}): the run, its history
 * when asked for, and its inbox.
 *
 * @param run the run
 * @param history its history from the first event, or null if the caller did not ask for it
 * @param inbox its inbox, oldest first
 */
public record RunSnapshot(RunRecord run, List<EventRecord> history, List<InboxRecord> inbox) {

  /** Validates the record and copies its lists. */
  public RunSnapshot {
    Objects.requireNonNull(run, "run");
    history = history == null ? null : List.copyOf(history);
    inbox = List.copyOf(Objects.requireNonNull(inbox, "inbox"));
  }
}
