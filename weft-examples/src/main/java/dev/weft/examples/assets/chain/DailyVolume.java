package dev.weft.examples.assets.chain;

import java.util.List;
import java.util.Optional;

/**
 * The value of {@code chain/daily_volume}: the transfer volume per UTC day.
 *
 * @param days oldest first
 */
public record DailyVolume(List<DayVolume> days) {
  /** Copies the days. */
  public DailyVolume {
    days = List.copyOf(days);
  }

  /** Returns the volume of one day, if it had transfers. */
  public Optional<DayVolume> day(String day) {
    return days.stream().filter(d -> d.day().equals(day)).findFirst();
  }

  /** Returns the number of transfers of every day together. */
  public long transfers() {
    return days.stream().mapToLong(DayVolume::transfers).sum();
  }
}
