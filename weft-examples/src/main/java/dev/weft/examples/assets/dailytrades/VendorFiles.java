package dev.weft.examples.assets.dailytrades;

import dev.weft.examples.assets.trades.Trade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a market-data vendor that delivers one trade file per day: the file
 * of a day is the same on every fetch (generated from the day), unless the day is late, when {@link
 * #fetch} throws {@link VendorFileLateException} until the file is {@linkplain #deliver delivered}.
 * With {@code deliverAfterRefusal}, a late file arrives right after its first refused fetch (what
 * {@code weft dev} uses, so that the day materialized again from the UI succeeds). Thread-safe.
 */
public final class VendorFiles {
  /** The symbols the vendor's files carry. */
  public static final List<String> SYMBOLS = List.of("ACME", "GLOBEX", "WEFT");

  private final Set<LocalDate> late = ConcurrentHashMap.newKeySet();
  private final boolean deliverAfterRefusal;
  private final Map<LocalDate, AtomicInteger> fetches = new ConcurrentHashMap<>();

  private VendorFiles(Set<LocalDate> late, boolean deliverAfterRefusal) {
    this.late.addAll(late);
    this.deliverAfterRefusal = deliverAfterRefusal;
  }

  /** A vendor whose files of {@code lateDays} are late until {@link #deliver delivered}. */
  public static VendorFiles withLateDays(LocalDate... lateDays) {
    return new VendorFiles(Set.of(lateDays), false);
  }

  /** A vendor whose files of {@code lateDays} arrive right after their first refused fetch. */
  public static VendorFiles deliveringAfterRefusal(LocalDate... lateDays) {
    return new VendorFiles(Set.of(lateDays), true);
  }

  /**
   * Returns the trade file of {@code day}.
   *
   * @throws VendorFileLateException when the file of the day has not arrived
   */
  public DayTrades fetch(LocalDate day) {
    fetches.computeIfAbsent(day, d -> new AtomicInteger()).incrementAndGet();
    if (late.contains(day)) {
      if (deliverAfterRefusal) {
        late.remove(day);
      }
      throw new VendorFileLateException(day);
    }
    return new DayTrades(day.toString(), trades(day));
  }

  /** The file of {@code day} arrives: the next fetch returns it. */
  public void deliver(LocalDate day) {
    late.remove(day);
  }

  /** Returns how many times the file of {@code day} was fetched, refused fetches included. */
  public int fetches(LocalDate day) {
    AtomicInteger n = fetches.get(day);
    return n == null ? 0 : n.get();
  }

  private static List<Trade> trades(LocalDate day) {
    Random random = new Random(day.toEpochDay());
    List<Trade> trades = new ArrayList<>();
    for (String symbol : SYMBOLS) {
      int count = 2 + random.nextInt(4);
      for (int i = 0; i < count; i++) {
        trades.add(
            new Trade(
                day + "-" + symbol + "-" + i,
                symbol,
                day.toString(),
                1 + random.nextInt(500),
                1_000 + random.nextInt(9_000)));
      }
    }
    return trades;
  }
}
