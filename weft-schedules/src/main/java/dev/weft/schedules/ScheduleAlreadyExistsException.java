package dev.weft.schedules;

/** A create was refused because a schedule with the ID exists; nothing was changed. */
public final class ScheduleAlreadyExistsException extends RuntimeException {
  private final String scheduleId;

  /** Creates the exception for {@code scheduleId}. */
  public ScheduleAlreadyExistsException(String scheduleId) {
    super("a schedule with ID '" + scheduleId + "' exists already: update it or delete it first");
    this.scheduleId = scheduleId;
  }

  /** Returns the ID that was refused. */
  public String getScheduleId() {
    return scheduleId;
  }
}
