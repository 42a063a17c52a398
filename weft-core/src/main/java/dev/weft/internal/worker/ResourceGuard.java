package dev.weft.internal.worker;

import dev.weft.engine.ResourceLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether a worker with {@link ResourceLimits} may take another task now: no while this JVM's
 * CPU load or used heap is above its thresholds. Samples at most every {@link #SAMPLE_NANOS}, so
 * asking on every claim costs nothing, and logs once when it starts and stops holding work back.
 */
final class ResourceGuard {
  private static final Logger log = LoggerFactory.getLogger(ResourceGuard.class);

  /** How often the JVM is sampled. */
  static final long SAMPLE_NANOS = 100_000_000L;

  /** What the guard measures; the JVM's own figures in production, fixed ones in tests. */
  interface Sampler {
    /** The process CPU load as a fraction of all cores, or a negative number if unknown. */
    double cpu();

    /** The used heap as a fraction of the maximum heap. */
    double heap();
  }

  private final String queue;
  private final ResourceLimits limits;
  private final Sampler sampler;
  private final LongSupplier nanoTime;
  private volatile long sampledAt;
  private volatile boolean sampled;
  private final AtomicBoolean allowed = new AtomicBoolean(true);

  ResourceGuard(String queue, ResourceLimits limits, Sampler sampler, LongSupplier nanoTime) {
    this.queue = queue;
    this.limits = limits;
    this.sampler = sampler;
    this.nanoTime = nanoTime;
  }

  static ResourceGuard of(String queue, ResourceLimits limits) {
    return new ResourceGuard(queue, limits, JVM, System::nanoTime);
  }

  /** Returns whether the worker may take another task. */
  boolean allows() {
    if (!limits.isLimited()) {
      return true;
    }
    long now = nanoTime.getAsLong();
    if (!sampled || now - sampledAt >= SAMPLE_NANOS) {
      // callers racing here may each sample: harmless, and none answers before a first sample
      double cpu = sampler.cpu();
      double heap = sampler.heap();
      boolean ok = cpu <= limits.maxCpu() && heap <= limits.maxHeap();
      if (allowed.compareAndSet(!ok, ok)) {
        if (ok) {
          log.info("queue {}: taking tasks again (cpu {}, heap {})", queue, pct(cpu), pct(heap));
        } else {
          log.warn(
              "queue {}: this node stops taking tasks: cpu {} (limit {}), heap {} (limit {})",
              queue,
              pct(cpu),
              pct(limits.maxCpu()),
              pct(heap),
              pct(limits.maxHeap()));
        }
      }
      sampledAt = now;
      sampled = true;
      return ok;
    }
    return allowed.get();
  }

  private static String pct(double fraction) {
    return fraction < 0 ? "unknown" : Math.round(fraction * 100) + "%";
  }

  /** The JVM's figures: process CPU load (com.sun.management) and heap use. */
  static final Sampler JVM =
      new Sampler() {
        @Override
        public double cpu() {
          if (ManagementFactory.getOperatingSystemMXBean()
              instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuLoad();
          }
          return -1;
        }

        @Override
        public double heap() {
          MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
          long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
          return max <= 0 ? 0 : (double) heap.getUsed() / max;
        }
      };
}
