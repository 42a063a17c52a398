package dev.weft.schedules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a sensor evaluation returns: run requests and the cursor that goes with them, or a skip
 * reason (with the cursor unchanged unless a new one is given). The cursor and the requests are
 * committed together: either the new cursor is stored and every request is started, or neither.
 *
 * @param newCursor the cursor to store; for a skip without a cursor, {@code null} keeps the old one
 * @param requests the runs requested, empty on a skip
 * @param skipReason why nothing was requested, {@code null} for requests
 * @param keepsCursor true if the stored cursor stays (a skip without a new cursor)
 */
public record SensorResult(
    String newCursor, List<RunRequest> requests, String skipReason, boolean keepsCursor) {

  /** Copies the requests (a null element is kept, and reported by the sensor as an error). */
  public SensorResult {
    requests =
        requests == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(requests));
  }

  /**
   * Requests {@code requests} and moves the cursor to {@code newCursor} (may be {@code null}, which
   * clears it). An empty list only moves the cursor.
   */
  public static SensorResult requests(String newCursor, List<RunRequest> requests) {
    return new SensorResult(newCursor, requests, null, false);
  }

  /** Requests nothing because of {@code reason}; the cursor stays as it is. */
  public static SensorResult skip(String reason) {
    return new SensorResult(null, List.of(), reason, true);
  }

  /** Requests nothing because of {@code reason} and moves the cursor to {@code newCursor}. */
  public static SensorResult skip(String reason, String newCursor) {
    return new SensorResult(newCursor, List.of(), reason, false);
  }
}
