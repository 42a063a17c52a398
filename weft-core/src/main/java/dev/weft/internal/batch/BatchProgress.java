package dev.weft.internal.batch;

import dev.weft.client.BatchFailure;
import dev.weft.client.BatchOperationDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's progress, kept by its workflow and answered by its {@code progress} query: the spec,
 * runs done and failed, and the first {@link BatchOperationDescription#MAX_FAILURES} failures.
 */
public record BatchProgress(BatchSpec spec, long done, long failed, List<BatchFailure> failures) {

  static BatchProgress start(BatchSpec spec) {
    return new BatchProgress(spec, 0, 0, List.of());
  }

  BatchProgress plus(PageOutcome page) {
    List<BatchFailure> kept = new ArrayList<>(failures);
    for (BatchFailure f : page.failures()) {
      if (kept.size() < BatchOperationDescription.MAX_FAILURES) {
        kept.add(f);
      }
    }
    return new BatchProgress(
        spec, done + page.applied(), failed + page.failures().size(), List.copyOf(kept));
  }
}
