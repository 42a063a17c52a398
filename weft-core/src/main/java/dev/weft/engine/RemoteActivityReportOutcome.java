package dev.weft.engine;

import dev.weft.failure.WeftException;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one report of {@link RemoteActivities#completeBatch}: recorded, or refused with
 * the exception the single call ({@link RemoteActivities#complete}, {@link RemoteActivities#fail})
 * would have thrown for it, in which case that report wrote nothing.
 *
 * @param taskToken the token of the report
 * @param refusal why the report was refused (for instance {@link
 *     dev.weft.failure.ActivityLeaseLostException}: the attempt no longer holds its task), or null
 *     when it was recorded
 */
public record RemoteActivityReportOutcome(String taskToken, WeftException refusal) {

  /** Validates the record. */
  public RemoteActivityReportOutcome {
    Objects.requireNonNull(taskToken, "taskToken");
  }

  /** Whether the report was recorded. */
  public boolean recorded() {
    return refusal == null;
  }

  /** Why the report was refused; empty when it was recorded. */
  public Optional<WeftException> refused() {
    return Optional.ofNullable(refusal);
  }
}
