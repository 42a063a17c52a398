package dev.weft.bench;

import java.io.IOException;
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
    } catch (IOException e) {
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
   * Reads one process's parent and its utime + stime + cutime + cstime (fields 4 and 14 to 17 of
   * {@code stat}, counted after the command name, which may hold spaces); skips a process that
   * exited meanwhile.
   */
  private static void readStat(
      long pid, Path stat, Map<Long, List<Long>> children, Map<Long, Long> ticks) {
    String text;
    try {
      text = Files.readString(stat);
    } catch (IOException exited) {
      return;
    }
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    long parent = Long.parseLong(fields[1]);
    long used =
        Long.parseLong(fields[11])
            + Long.parseLong(fields[12])
            + Long.parseLong(fields[13])
            + Long.parseLong(fields[14]);
    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid);
    ticks.put(pid, used);
  }
}
