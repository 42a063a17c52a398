package dev.weft.internal.worker;

import dev.weft.converter.Payload;
import dev.weft.engine.RemoteActivities;
import dev.weft.engine.RemoteActivityFailure;
import dev.weft.engine.RemoteActivityReport;
import dev.weft.engine.RemoteActivityReportOutcome;
import dev.weft.failure.WeftException;
import dev.weft.history.Failure;
import dev.weft.internal.activity.ActivityCompletions;
import java.util.List;

/**
 * The reports of remote workers, one at a time or a batch at once. A batch's reports are recorded
 * each on its own virtual thread (the first on the caller's), so that their commits reach the
 * store's group-commit writer together and share its transactions; each stays its own commit job,
 * fenced by its own lease token, so a stale one conflicts alone and the writer keeps the others.
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
    completions.fail(
        taskToken,
        new Failure(
            Failure.APPLICATION,
            failure.type(),
            failure.message(),
            failure.details(),
            failure.nonRetryable(),
            0,
            0,
            null,
            null,
            null));
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
    RemoteActivityReportOutcome[] outcomes = new RemoteActivityReportOutcome[reports.size()];
    Throwable[] failures = new Throwable[reports.size()];
    Thread[] others = new Thread[reports.size()];
    for (int i = 1; i < reports.size(); i++) {
      int item = i;
      others[i] = Thread.ofVirtual().start(() -> record(reports, item, outcomes, failures));
    }
    record(reports, 0, outcomes, failures);
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

  private void record(
      List<? extends RemoteActivityReport> reports,
      int item,
      RemoteActivityReportOutcome[] outcomes,
      Throwable[] failures) {
    RemoteActivityReport report = reports.get(item);
    try {
      switch (report) {
        case RemoteActivityReport.Completed c -> complete(c.taskToken(), c.result());
        case RemoteActivityReport.Failed f -> fail(f.taskToken(), f.failure());
      }
      outcomes[item] = new RemoteActivityReportOutcome(report.taskToken(), null);
    } catch (WeftException refused) {
      outcomes[item] = new RemoteActivityReportOutcome(report.taskToken(), refused);
    } catch (Throwable e) {
      failures[item] = e;
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
