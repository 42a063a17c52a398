package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The CPU time of a server running in other processes (the embedded PostgreSQL: its postmaster and
 * the backends it forks), read from Linux's {@code /proc}: for the root process and each live
 * descendant, its user and system time plus that of its children it has already reaped (so a
 * backend that exited during a phase still counts). Resolution is the kernel's clock tick ({@value
 * #TICKS_PER_SECOND} per second on Linux), so it suits phases of many milliseconds.
 */
final class ProcessTreeCpu {
  /** {@code USER_HZ}, the unit of the times in {@code /proc/<pid>/stat}: 100 on Linux. */
  static final int TICKS_PER_SECOND = 100;

  private static final Path PROC = Path.of("/proc");

  private final long rootPid;

  ProcessTreeCpu(long rootPid) {
    this.rootPid = rootPid;
  }

  /**
   * Returns the CPU time used so far by the tree, in nanoseconds; empty without {@code /proc} or if
   * the root process is gone.
   */
  OptionalLong nanos() {
    Map<Long, List<Long>> children = new HashMap<>();
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> entries = Files.list(PROC)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          readStat(Long.parseLong(name), entry.resolve("stat"), children, ticks);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return OptionalLong.empty();
    }
    if (!ticks.containsKey(rootPid)) {
      return OptionalLong.empty();
    }
    long total = 0;
    ArrayDeque<Long> todo = new ArrayDeque<>(List.of(rootPid));
    while (!todo.isEmpty()) {
      long pid = todo.pop();
      total += ticks.getOrDefault(pid, 0L);
      todo.addAll(children.getOrDefault(pid, List.of()));
    }
    return OptionalLong.of(total * (1_000_000_000L / TICKS_PER_SECOND));
  }

  /**
   * Reads one process's {@code stat} into {@code children} and {@code ticks}; skips a process that
   * exited meanwhile.
   */
  private static void readStat(
      long pid, Path stat, Map<Long, List<Long>> children, Map<Long, Long> ticks) {
    Stat parsed;
    try {
      parsed = Stat.parse(Files.readString(stat));
    } catch (IOException exited) {
      return;
    }
    children.computeIfAbsent(parsed.parent(), p -> new ArrayList<>()).add(pid);
    ticks.put(pid, parsed.ticks());
  }

  /**
   * What this class reads of a {@code /proc/<pid>/stat} line.
   *
   * @param parent the parent's process id (field 4)
   * @param ticks utime + stime + cutime + cstime (fields 14 to 17): the process's CPU and that of
   *     its children it has reaped, in clock ticks
   */
  record Stat(long parent, long ticks) {
    /**
     * Parses a {@code stat} line; fields are counted after the command name, which is in
     * parentheses and may hold spaces and parentheses itself.
     *
     * @throws IllegalArgumentException naming the line if it has not the fields expected
     */
    static Stat parse(String line) {
      int end = line.lastIndexOf(')');
      String[] fields = end < 0 ? new String[0] : line.substring(end + 1).trim().split(" ");
      if (fields.length < 15) {
        throw new IllegalArgumentException(
            "a /proc/<pid>/stat line must hold at least 17 fields, was '" + line.trim() + "'");
      }
      try {
        return new Stat(
            Long.parseLong(fields[1]),
            Long.parseLong(fields[11])
                + Long.parseLong(fields[12])
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "a /proc/<pid>/stat line must hold numbers in fields 4 and 14 to 17, was '"
                + line.trim()
                + "'",
            e);
      }
    }
  }
}
