package dev.weft.internal.worker;

import dev.weft.converter.Payload;
import dev.weft.engine.RemoteActivities;
import dev.weft.engine.RemoteActivityFailure;
import dev.weft.engine.RemoteActivityReport;
import dev.weft.engine.RemoteActivityReportOutcome;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.failure.WeftException;
import dev.weft.history.Failure;
import dev.weft.internal.activity.ActivityCompletions;
import dev.weft.internal.activity.TaskToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports of remote workers, one at a time or a batch at once. A batch's reports are grouped by
 * run: the reports of one run are recorded together, in the batch's order, so that their results
 * reach the run in one workflow task ({@link ActivityCompletions#recordTogether}); each run's group
 * is recorded on its own virtual thread (the first on the caller's), so that their commits reach
 * the store's group-commit writer together and share its transactions. Every report stays fenced by
 * its own lease token: a stale one is refused alone and the others of its run are recorded.
 */
public final class RemoteReports {
  private final ActivityCompletions completions;

  public RemoteReports(ActivityCompletions completions) {
    this.completions = completions;
  }

  /** As {@link RemoteActivities#complete}. */
  public void complete(String taskToken, Payload result) {
    completions.completeConverted(taskToken, result);
  }

  /** As {@link RemoteActivities#fail}. */
  public void fail(String taskToken, RemoteActivityFailure failure) {
    completions.fail(taskToken, failureOf(failure));
  }

  private static Failure failureOf(RemoteActivityFailure failure) {
    return new Failure(
        Failure.APPLICATION,
        failure.type(),
        failure.message(),
        failure.details(),
        failure.nonRetryable(),
        0,
        0,
        null,
        null,
        null);
  }

  /** As {@link RemoteActivities#completeBatch}. */
  public List<RemoteActivityReportOutcome> completeBatch(
      List<? extends RemoteActivityReport> reports) {
    if (reports == null
        || reports.isEmpty()
        || reports.size() > RemoteActivities.MAX_REPORT_BATCH) {
      throw new IllegalArgumentException(
          "a batch carries 1 to "
              + RemoteActivities.MAX_REPORT_BATCH
              + " reports, was "
              + (reports == null ? "null" : reports.size()));
    }
    for (int i = 0; i < reports.size(); i++) {
      if (reports.get(i) == null) {
        throw new IllegalArgumentException("report " + i + " of the batch is null");
      }
    }
    List<List<Integer>> runs = byRun(reports);
    RemoteActivityReportOutcome[] outcomes = new RemoteActivityReportOutcome[reports.size()];
    Throwable[] failures = new Throwable[runs.size()];
    Thread[] others = new Thread[runs.size()];
    for (int r = 1; r < runs.size(); r++) {
      int run = r;
      others[r] =
          Thread.ofVirtual().start(() -> record(reports, runs.get(run), run, outcomes, failures));
    }
    record(reports, runs.get(0), 0, outcomes, failures);
    joinAll(others);
    for (Throwable failure : failures) {
      // the store failed (not a refusal): the caller hears of it as from a single report
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }
    return List.of(outcomes);
  }

  /**
   * The positions of the reports, grouped by the run their token names, in the batch's order; a
   * token that names no run is a group of its own (it is refused).
   */
  private static List<List<Integer>> byRun(List<? extends RemoteActivityReport> reports) {
    Map<String, List<Integer>> runs = new LinkedHashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      String token = reports.get(i).taskToken();
      String run;
      try {
        run = TaskToken.parse(token).runId();
      } catch (ActivityNotFoundException notAToken) {
        run = "\0" + i;
      }
      runs.computeIfAbsent(run, k -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(runs.values());
  }

  private void record(
      List<? extends RemoteActivityReport> reports,
      List<Integer> run,
      int group,
      RemoteActivityReportOutcome[] outcomes,
      Throwable[] failures) {
    List<ActivityCompletions.Report> toRecord = new ArrayList<>(run.size());
    for (int i : run) {
      toRecord.add(
          switch (reports.get(i)) {
            case RemoteActivityReport.Completed c ->
                new ActivityCompletions.Report(c.taskToken(), c.result(), null);
            case RemoteActivityReport.Failed f ->
                new ActivityCompletions.Report(f.taskToken(), null, failureOf(f.failure()));
          });
    }
    try {
      WeftException[] refusals = completions.recordTogether(toRecord);
      for (int k = 0; k < run.size(); k++) {
        int i = run.get(k);
        outcomes[i] = new RemoteActivityReportOutcome(reports.get(i).taskToken(), refusals[k]);
      }
    } catch (Throwable e) {
      failures[group] = e;
    }
  }

  /** Waits for every report's thread; an interrupt is kept for later, not lost or obeyed. */
  private static void joinAll(Thread[] threads) {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t != null) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
