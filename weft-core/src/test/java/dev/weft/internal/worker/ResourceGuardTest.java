package dev.weft.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.ResourceLimits;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The resource guard holds work back above its thresholds, and samples at most every 100 ms. */
class ResourceGuardTest {
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger samples = new AtomicInteger();
  private volatile double cpu = 0.2;
  private volatile double heap = 0.3;

  private final ResourceGuard.Sampler sampler =
      new ResourceGuard.Sampler() {
        @Override
        public double cpu() {
          samples.incrementAndGet();
          return cpu;
        }

        @Override
        public double heap() {
          return heap;
        }
      };

  private ResourceGuard guard(ResourceLimits limits) {
    return new ResourceGuard("q", limits, sampler, nanos::get);
  }

  @Test
  void holdsBackAboveEitherThresholdAndResumesBelow() {
    ResourceGuard guard = guard(new ResourceLimits(0.8, 0.9));
    assertThat(guard.allows()).isTrue();

    cpu = 0.95;
    nanos.addAndGet(ResourceGuard.SAMPLE_NANOS);
    assertThat(guard.allows()).isFalse();

    cpu = 0.1;
    heap = 0.95;
    nanos.addAndGet(ResourceGuard.SAMPLE_NANOS);
    assertThat(guard.allows()).isFalse();

    heap = 0.5;
    nanos.addAndGet(ResourceGuard.SAMPLE_NANOS);
    assertThat(guard.allows()).isTrue();
  }

  @Test
  void samplesAtMostOncePerInterval() {
    ResourceGuard guard = guard(new ResourceLimits(0.8, 0.9));
    for (int i = 0; i < 1_000; i++) {
      guard.allows();
    }
    assertThat(samples.get()).isEqualTo(1);
    cpu = 0.99;
    assertThat(guard.allows()).as("the last sample holds until the interval passes").isTrue();
    nanos.addAndGet(ResourceGuard.SAMPLE_NANOS);
    assertThat(guard.allows()).isFalse();
    assertThat(samples.get()).isEqualTo(2);
  }

  @Test
  void noLimitsNeverSamples() {
    ResourceGuard guard = guard(ResourceLimits.NONE);
    cpu = 1.0;
    assertThat(guard.allows()).isTrue();
    assertThat(samples.get()).isZero();
  }

  @Test
  void anUnknownCpuLoadDoesNotHoldWorkBack() {
    cpu = -1;
    assertThat(guard(new ResourceLimits(0.5, 1.0)).allows()).isTrue();
  }

  @Test
  void theJvmSamplerReportsFractions() {
    double heapUsed = ResourceGuard.JVM.heap();
    assertThat(heapUsed).isBetween(0.0, 1.0);
    assertThat(ResourceGuard.JVM.cpu()).isLessThanOrEqualTo(1.0);
  }
}
