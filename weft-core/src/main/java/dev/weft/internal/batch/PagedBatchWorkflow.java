package dev.weft.internal.batch;

import dev.weft.activity.ActivityOptions;
import dev.weft.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Applies a batch page by page: each page is one second's worth of runs at the rate limit, and the
 * next page starts no sooner than that second is over (a durable timer), so the rate holds across
 * restarts. The progress is the workflow's state, answered by its query.
 */
public final class PagedBatchWorkflow implements BatchWorkflow {
  private final BatchActivities activities =
      Workflow.newActivityStub(
          BatchActivities.class,
          ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(10)).build());
  private BatchProgress progress;

  @Override
  public BatchProgress run(BatchSpec spec) {
    progress = BatchProgress.start(spec);
    String namespace = Workflow.getInfo().namespace();
    int pageSize = spec.pageSize();
    Duration perPage = Duration.ofNanos((long) (pageSize / spec.maxOperationsPerSecond() * 1e9));
    String token = null;
    do {
      Instant pageStart = Workflow.now();
      PageOutcome page = activities.applyPage(namespace, spec, token, pageSize);
      progress = progress.plus(page);
      token = page.nextPageToken();
      Duration left = perPage.minus(Duration.between(pageStart, Workflow.now()));
      if (token != null && left.toMillis() > 0) {
        Workflow.sleep(left);
      }
    } while (token != null);
    return progress;
  }

  @Override
  public BatchProgress progress() {
    return progress;
  }
}
