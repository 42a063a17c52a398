package dev.weft.schedules;

/** No schedule with the given ID exists (it was never created, or it was deleted). */
public final class ScheduleNotFoundException extends RuntimeException {
  private final String scheduleId;

  /** Creates the exception for {@code scheduleId}. */
  public ScheduleNotFoundException(String scheduleId) {
    super("no schedule with ID '" + scheduleId + "'");
    this.scheduleId = scheduleId;
  }

  /** Returns the ID that was looked up. */
  public String getScheduleId() {
    return scheduleId;
  }
}
