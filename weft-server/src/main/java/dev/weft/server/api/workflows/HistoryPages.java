package dev.weft.server.api.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.api.QueryParams;
import dev.weft.server.http.ApiJson;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Pages of a run's history, in the JSON of {@code WorkflowHistory.toJson()}. The first page pins
 * the run (the latest, unless the caller names one); the page token names that run and the next
 * event ID ({@code base64url("h1:" + nextEventId + ":" + runId)}), so that later pages read the
 * same run even after the workflow moved on to another. A page reads its events and one more from
 * the store, never the rest of the history.
 */
final class HistoryPages {
  private static final String VERSION = "h1:";

  private HistoryPages() {}

  /** The wait of a long poll ({@code waitNewEvent=true}) that names none. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

  /** The longest wait a long poll may ask for (below common proxy and client timeouts). */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /**
   * The page from the token's position, else from {@code afterEventId + 1}; when the run has no
   * event there yet and {@code wait} is positive, waits for one (a long poll, see {@code
   * WorkflowHandle.fetchHistory(long, Duration)}).
   */
  static WorkflowResponses.HistoryPage page(
      WorkflowRoutes api,
      Context ctx,
      String workflowId,
      String runId,
      int pageSize,
      String token,
      long afterEventId,
      Duration wait) {
    long from = afterEventId + 1;
    if (token != null) {
      Position p = decode(token);
      if (runId != null && !runId.equals(p.runId())) {
        throw QueryParams.invalid(
            "nextPageToken",
            token,
            "query parameter 'nextPageToken' continues run " + p.runId() + ", not run " + runId);
      }
      runId = p.runId();
      from = p.nextEventId();
    }
    // one event more than the page says whether another page follows; nothing after it is read
    var history = api.handle(ctx, workflowId, runId).fetchHistory(from - 1, pageSize + 1, wait);
    JsonNode events = events(history.toJson());
    List<JsonNode> page = new ArrayList<>();
    long next = from;
    for (JsonNode e : events) {
      if (page.size() == pageSize) {
        break;
      }
      page.add(e);
      next = e.path("eventId").asLong() + 1;
    }
    boolean more = events.size() > page.size();
    return new WorkflowResponses.HistoryPage(
        history.workflowId(),
        history.runId(),
        page,
        next,
        more ? encode(new Position(history.runId(), next)) : null);
  }

  private static JsonNode events(String json) {
    try {
      return ApiJson.MAPPER.readTree(json).path("events");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the client exported a history that is not JSON", e);
    }
  }

  private record Position(String runId, long nextEventId) {}

  private static String encode(Position p) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (VERSION + p.nextEventId() + ":" + p.runId()).getBytes(StandardCharsets.UTF_8));
  }

  private static Position decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(VERSION)) {
        int colon = text.indexOf(':', VERSION.length());
        long next = Long.parseLong(text.substring(VERSION.length(), colon));
        String runId = text.substring(colon + 1);
        if (next >= 1 && !runId.isEmpty()) {
          return new Position(runId, next);
        }
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // refused below
    }
    throw QueryParams.invalid(
        "nextPageToken",
        token,
        "query parameter 'nextPageToken' is not a page token of this route (pass the"
            + " nextPageToken of the previous page as it came)");
  }
}
