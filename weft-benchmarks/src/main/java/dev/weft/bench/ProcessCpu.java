package dev.weft.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this bench process has used (all its threads, user and system), which the workloads
 * read before and after a measured phase to report CPU per step: a figure the shared machine's load
 * disturbs far less than throughput.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  /**
   * Returns the CPU time this process has used so far, in nanoseconds.
   *
   * @throws IllegalStateException if the JVM cannot report it (its operating system bean is not
   *     {@code com.sun.management.OperatingSystemMXBean}, or it answers -1)
   */
  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      if (nanos >= 0) {
        return nanos;
      }
    }
    throw new IllegalStateException(
        "this JVM does not report its process CPU time"
            + " (com.sun.management.OperatingSystemMXBean#getProcessCpuTime), which the CPU per"
            + " step figures need");
  }

  /** Returns {@code nanos} of CPU spread over {@code steps}, in milliseconds per step. */
  static double millisPerStep(long nanos, long steps) {
    return nanos / 1e6 / steps;
  }
}
