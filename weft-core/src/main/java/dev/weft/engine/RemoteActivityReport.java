package dev.weft.engine;

import dev.weft.converter.Payload;
import java.util.Objects;

/**
 * How one remote activity attempt ended, as an item of {@link RemoteActivities#completeBatch}: it
 * returned a result ({@link Completed}, as {@link RemoteActivities#complete}) or failed ({@link
 * Failed}, as {@link RemoteActivities#fail}).
 *
 * <pre>{@code
 * List<RemoteActivityReport> reports =
 *     List.of(
 *         RemoteActivityReport.completed(a.taskToken(), Payload.json("\"done\"")),
 *         RemoteActivityReport.failed(b.taskToken(), new RemoteActivityFailure("Io", "disk", "", false)));
 * }</pre>
 */
public sealed interface RemoteActivityReport {
  /** The token of the attempt this report is about, as its poll returned it. */
  String taskToken();

  /** A report that the attempt returned {@code result}. */
  static RemoteActivityReport completed(String taskToken, Payload result) {
    return new Completed(taskToken, result);
  }

  /** A report that the attempt failed with {@code failure}. */
  static RemoteActivityReport failed(String taskToken, RemoteActivityFailure failure) {
    return new Failed(taskToken, failure);
  }

  /**
   * The attempt returned {@code result} (as the data converter encodes it, before the codec).
   *
   * @param taskToken the attempt's task token; not null
   * @param result the result; not null
   */
  record Completed(String taskToken, Payload result) implements RemoteActivityReport {
    /** Validates the record. */
    public Completed {
      Objects.requireNonNull(taskToken, "taskToken");
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * The attempt failed; the activity's retry policy decides whether another attempt follows.
   *
   * @param taskToken the attempt's task token; not null
   * @param failure how it failed; not null
   */
  record Failed(String taskToken, RemoteActivityFailure failure) implements RemoteActivityReport {
    /** Validates the record. */
    public Failed {
      Objects.requireNonNull(taskToken, "taskToken");
      Objects.requireNonNull(failure, "failure");
    }
  }
}
