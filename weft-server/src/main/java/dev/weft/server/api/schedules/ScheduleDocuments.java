package dev.weft.server.api.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.schedules.FiringOutcome;
import dev.weft.schedules.OverlapPolicy;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.schedules.ScheduleFiring;
import dev.weft.schedules.ScheduleSpec;
import dev.weft.schedules.TriggerAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON bodies of the schedule routes. */
final class ScheduleDocuments {
  private ScheduleDocuments() {}

  /**
   * A schedule's definition as a request body (create and update); spec and action are read as
   * trees first so that their refusals name the field inside them ({@code spec.cron}).
   */
  record Body(
      String id,
      JsonNode spec,
      JsonNode action,
      String overlapPolicy,
      Duration catchUpWindow,
      Boolean paused,
      String note,
      String description) {}

  /** The body of pause and unpause. */
  record NoteBody(String note) {}

  /** The body of a backfill: fire times in {@code (from, to]}. */
  record BackfillBody(Instant from, Instant to, String overlapPolicy) {}

  /**
   * One schedule of the list, with its action and its last firing (whose run ID is left out: the
   * list does not look runs up; the schedule's own route does).
   */
  record Summary(
      String id,
      ScheduleSpec spec,
      String actionType,
      TriggerAction action,
      boolean paused,
      String note,
      Instant nextFireTime,
      Firing lastFiring) {
    static Summary of(ScheduleDescription d) {
      ScheduleDefinition def = d.definition();
      List<ScheduleFiring> firings = d.recentFirings();
      ScheduleFiring last = firings.isEmpty() ? null : firings.getLast();
      return new Summary(
          def.id(),
          def.spec(),
          def.action().type(),
          def.action(),
          def.paused(),
          def.note(),
          d.nextFireTimes().isEmpty() ? null : d.nextFireTimes().get(0),
          last == null
              ? null
              : new Firing(
                  last.nominal(),
                  last.actual(),
                  last.workflowId(),
                  null,
                  last.outcome(),
                  last.reason()));
    }
  }

  /** The list of schedules, sorted by ID. */
  record Page(List<Summary> schedules) {}

  /** One firing, with the run it started when there is one. */
  record Firing(
      Instant nominal,
      Instant actual,
      String workflowId,
      String runId,
      FiringOutcome outcome,
      String reason) {}

  /** A schedule: its definition, next fire times and what it did. */
  record Schedule(
      String id,
      ScheduleSpec spec,
      TriggerAction action,
      OverlapPolicy overlapPolicy,
      Duration catchUpWindow,
      boolean paused,
      String note,
      String description,
      List<Instant> nextFireTimes,
      List<Firing> recentFirings,
      List<Instant> bufferedFirings,
      List<String> runningWorkflowIds,
      long started,
      long skipped,
      long failed) {
    static Schedule of(ScheduleDefinition def, List<Instant> next) {
      return new Schedule(
          def.id(),
          def.spec(),
          def.action(),
          def.overlapPolicy(),
          def.catchUpWindow(),
          def.paused(),
          def.note(),
          def.description(),
          next,
          List.of(),
          List.of(),
          List.of(),
          0,
          0,
          0);
    }

    static Schedule of(ScheduleDescription d, List<Firing> firings) {
      ScheduleDefinition def = d.definition();
      return new Schedule(
          def.id(),
          def.spec(),
          def.action(),
          def.overlapPolicy(),
          def.catchUpWindow(),
          def.paused(),
          def.note(),
          def.description(),
          d.nextFireTimes(),
          firings,
          d.bufferedFirings(),
          d.runningWorkflowIds(),
          d.started(),
          d.skipped(),
          d.failed());
    }
  }

  /** The answer of trigger, backfill and pause: the request was sent to the schedule. */
  record Accepted(String id) {}
}
