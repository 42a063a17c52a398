package dev.weft.bench;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N workflows, each sleeping a random time up to S seconds; lateness is how long after its due time
 * a timer's workflow code runs again. Also samples the peak heap.
 */
final class TimersWorkload implements Workload {
  /** Workflow ID to how late its timer was, in milliseconds (a probe outside determinism). */
  static final ConcurrentHashMap<String, Long> LATENESS = new ConcurrentHashMap<>();

  static volatile CountDownLatch done = new CountDownLatch(0);

  @WorkflowInterface
  public interface Sleeper {
    @WorkflowMethod
    void run(long delayMillis);
  }

  /** Sleeps, then notes how late it woke up. */
  public static final class SleeperWorkflow implements Sleeper {
    @Override
    public void run(long delayMillis) {
      Instant due = Workflow.now().plusMillis(delayMillis);
      Workflow.sleep(Duration.ofMillis(delayMillis));
      long late = System.currentTimeMillis() - due.toEpochMilli();
      if (LATENESS.putIfAbsent(Workflow.getInfo().workflowId(), late) == null) {
        done.countDown();
      }
    }
  }

  @Override
  public String name() {
    return "timers";
  }

  @Override
  public String description() {
    return "N workflows each sleeping a random time up to S seconds (--workflows, --max-delay)";
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.workflows(100_000);
    int maxDelay = options.maxDelaySeconds(30);
    LATENESS.clear();
    done = new CountDownLatch(n);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong heapPeak = new AtomicLong();
    Thread sampler =
        Thread.ofPlatform()
            .daemon(true)
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                      Thread.sleep(50);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    Random random = new Random(42);
    long startedIn;
    try (WeftEngine engine =
        env.startEngine(
            e ->
                e.newWorker(SequentialWorkload.QUEUE)
                    .registerWorkflow(Sleeper.class, SleeperWorkflow::new))) {
      WeftClient client = engine.client();
      long t0 = System.nanoTime();
      Semaphore inFlight = new Semaphore(256);
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < n; i++) {
          long delay = (long) (random.nextDouble() * maxDelay * 1000);
          String id = "timer-" + i;
          inFlight.acquire();
          threads.execute(
              () -> {
                try {
                  Sleeper stub =
                      client.newWorkflowStub(
                          Sleeper.class,
                          WorkflowOptions.newBuilder()
                              .taskQueue(SequentialWorkload.QUEUE)
                              .workflowId(id)
                              .build());
                  client.start(stub::run, delay);
                } finally {
                  inFlight.release();
                }
              });
        }
      }
      startedIn = System.nanoTime() - t0;
      env.say("  started " + n + " workflows in " + startedIn / 1_000_000 + " ms");
      if (!done.await(maxDelay + 600L, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "only " + LATENESS.size() + " of " + n + " timers fired in time");
      }
    } finally {
      sampler.interrupt();
    }
    long[] late = new long[n];
    int i = 0;
    for (long millis : LATENESS.values()) {
      late[i++] = millis * 1_000_000;
    }
    return new Figures()
        .put("workflows", n)
        .put("max_delay_s", maxDelay)
        .put("start_all_s", startedIn / 1e9)
        .put("late_p50_ms", Figures.percentileMillis(late, 50))
        .put("late_p99_ms", Figures.percentileMillis(late, 99))
        .put("late_max_ms", Figures.percentileMillis(late, 100))
        .put("heap_peak_mb", heapPeak.get() / (1024.0 * 1024.0));
  }
}
