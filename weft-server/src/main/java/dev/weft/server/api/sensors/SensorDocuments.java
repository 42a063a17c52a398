package dev.weft.server.api.sensors;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.SensorEvaluation;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.schedules.SensorStatus;
import dev.weft.schedules.TriggerOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON documents of the sensor routes, named as in the OpenAPI document. */
final class SensorDocuments {
  private SensorDocuments() {}

  /**
   * {@code SensorSummary}: a sensor in the list, with its latest evaluation's time and the error of
   * the latest failed one among its recent evaluations.
   */
  record Summary(
      String name,
      SensorStatus status,
      String pauseNote,
      String cursor,
      Duration minimumInterval,
      Instant nextEvaluationAt,
      int consecutiveFailures,
      Instant lastEvaluationAt,
      String lastError,
      List<String> watchedAssets,
      Evaluation lastEvaluation) {
    static Summary of(SensorDescription d) {
      List<SensorEvaluation> recent = d.recentEvaluations();
      Instant last = recent.isEmpty() ? null : recent.getLast().time();
      String lastError =
          recent.reversed().stream()
              .filter(SensorEvaluation::failed)
              .map(SensorEvaluation::error)
              .findFirst()
              .orElse(null);
      return new Summary(
          d.name(),
          d.status(),
          d.pauseNote(),
          d.cursor(),
          d.minimumInterval(),
          d.nextEvaluationAt(),
          d.consecutiveFailures(),
          last,
          lastError,
          d.watchedAssets(),
          recent.isEmpty() ? null : Evaluation.of(recent.getLast()));
    }
  }

  /** {@code SensorList}. */
  record SensorList(List<Summary> sensors) {}

  /** {@code SensorRequest}: one request of an evaluation and what became of it. */
  record Request(
      String dedupeKey, String workflowId, String runId, TriggerOutcome outcome, String error) {
    static Request of(SensorRequestOutcome r) {
      return new Request(r.dedupeKey(), r.workflowId(), r.runId(), r.outcome(), r.error());
    }
  }

  /** {@code SensorEvaluation}: one recorded evaluation. */
  record Evaluation(
      Instant time,
      String cursorBefore,
      String cursorAfter,
      List<Request> requests,
      String skipReason,
      Duration duration,
      String error) {
    static Evaluation of(SensorEvaluation e) {
      return new Evaluation(
          e.time(),
          e.cursorBefore(),
          e.cursorAfter(),
          e.requests().stream().map(Request::of).toList(),
          e.skipReason(),
          e.duration(),
          e.error());
    }
  }

  /** {@code SensorDescription}: the summary and the recent evaluations, newest last. */
  record Description(
      String name,
      SensorStatus status,
      String pauseNote,
      String cursor,
      Duration minimumInterval,
      Instant nextEvaluationAt,
      int consecutiveFailures,
      Instant lastEvaluationAt,
      String lastError,
      List<String> watchedAssets,
      List<Evaluation> recentEvaluations) {
    static Description of(SensorDescription d) {
      Summary s = Summary.of(d);
      return new Description(
          s.name(),
          s.status(),
          s.pauseNote(),
          s.cursor(),
          s.minimumInterval(),
          s.nextEvaluationAt(),
          s.consecutiveFailures(),
          s.lastEvaluationAt(),
          s.lastError(),
          s.watchedAssets(),
          d.recentEvaluations().stream().map(Evaluation::of).toList());
    }
  }

  /** {@code SensorPauseRequest}: the note shown while the sensor is paused (optional). */
  record PauseBody(String note) {}

  /** {@code SensorCursorRequest}: the new cursor; {@code null} resets it (required either way). */
  record CursorBody(@JsonProperty(required = true) String cursor) {}

  /** {@code SensorAccepted}: the change was recorded; the sensor applies it right after. */
  record Accepted(String name) {}
}
