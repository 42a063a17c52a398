package dev.weft.schedules;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cron expression in a time zone: maps its wall-clock matches to instants across daylight-saving
 * transitions, with the rules documented on {@link ScheduleSpec}:
 *
 * <ul>
 *   <li>a wall-clock time inside a spring-forward gap fires once, at the instant the gap ends;
 *   <li>a wall-clock time that a fall-back repeats fires at its first occurrence, and again at its
 *       second only when the hour field repeats all day ({@code *} or {@code *}{@code /n}).
 * </ul>
 */
final class ZonedCron implements FireTimes {
  private final CronExpression cron;
  private final ZoneRules rules;

  ZonedCron(CronExpression cron, ZoneId zone) {
    this.cron = cron;
    this.rules = zone.getRules();
  }

  /** Returns the first fire instant strictly after {@code time}, if any. */
  @Override
  public Optional<Instant> nextAfter(Instant time) {
    LocalDateTime cursor;
    try {
      cursor = scanStart(time);
    } catch (DateTimeException e) {
      return Optional.empty(); // beyond the years a LocalDateTime can hold
    }
    // The first instant of successive matches never decreases, and a match's second instant (the
    // repeat of a fall-back) is later than its first: so a first instant after `time` is the
    // answer, and only second instants need the scan to go on (through the repeated range).
    Instant best = null;
    while (true) {
      Optional<LocalDateTime> match = cron.nextAfter(cursor);
      if (match.isEmpty()) {
        break;
      }
      List<Instant> instants = instantsOf(match.get());
      Instant first = instants.get(0);
      if (best != null && !first.isBefore(best)) {
        break;
      }
      if (first.isAfter(time)) {
        best = first;
        break;
      }
      if (instants.size() == 2 && instants.get(1).isAfter(time)) {
        Instant second = instants.get(1);
        best = best == null || second.isBefore(best) ? second : best;
      }
      cursor = match.get();
    }
    return Optional.ofNullable(best);
  }

  /**
   * The wall-clock time to search from (exclusive). Normally the local time of {@code time}; inside
   * a fall-back overlap (either pass) the start of the repeated range, because a repeated time
   * before {@code time}'s wall clock can still fire at its second occurrence after it.
   */
  private LocalDateTime scanStart(Instant time) {
    LocalDateTime local = LocalDateTime.ofInstant(time, rules.getOffset(time));
    for (ZoneOffsetTransition t :
        new ZoneOffsetTransition[] {
          rules.previousTransition(time.plusNanos(1)), rules.nextTransition(time)
        }) {
      if (t != null && t.isOverlap()) {
        Duration length = t.getDuration().abs();
        boolean inside =
            !time.isBefore(t.getInstant().minus(length))
                && time.isBefore(t.getInstant().plus(length));
        if (inside) {
          return t.getDateTimeAfter().minusNanos(1);
        }
      }
    }
    return local;
  }

  /** The instants a wall-clock match fires at, earliest first (one, or two in an overlap). */
  private List<Instant> instantsOf(LocalDateTime match) {
    ZoneOffsetTransition transition = rules.getTransition(match);
    if (transition == null) {
      return List.of(match.toInstant(rules.getOffset(match)));
    }
    if (transition.isGap()) {
      return List.of(transition.getInstant());
    }
    List<Instant> instants = new ArrayList<>(2);
    instants.add(match.toInstant(transition.getOffsetBefore()));
    if (cron.hourRepeatsAllDay()) {
      instants.add(match.toInstant(transition.getOffsetAfter()));
    }
    return instants;
  }
}
