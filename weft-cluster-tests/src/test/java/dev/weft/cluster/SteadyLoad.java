package dev.weft.cluster;

import dev.weft.client.WeftClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts workflows at a steady rate from the test JVM, one per tick, until all are started. A start
 * that fails (the database is away) is tried again at the next tick with the same workflow ID;
 * {@link WorkflowShape#start} makes that safe.
 */
final class SteadyLoad implements AutoCloseable {
  private final WeftClient client;
  private final WorkflowShape shape;
  private final List<String> workflowIds;
  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "steady-load"));
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger failedStarts = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  SteadyLoad(WeftClient client, String prefix, int workflows, WorkflowShape shape) {
    this.client = client;
    this.shape = shape;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < workflows; i++) {
      ids.add(prefix + "-" + i);
    }
    this.workflowIds = List.copyOf(ids);
  }

  /** Starts one workflow every {@code interval} from now on. */
  SteadyLoad begin(Duration interval) {
    ticks.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    int next = started.get();
    if (next >= workflowIds.size()) {
      return;
    }
    try {
      shape.start(client, workflowIds.get(next));
      started.incrementAndGet();
    } catch (RuntimeException e) {
      failedStarts.incrementAndGet();
      firstFailure.compareAndSet(null, e.toString());
    }
  }

  List<String> workflowIds() {
    return workflowIds;
  }

  int started() {
    return started.get();
  }

  boolean allStarted() {
    return started.get() == workflowIds.size();
  }

  /** How many start attempts failed and were tried again, and why the first one failed. */
  String failedStartsReport() {
    return failedStarts.get() == 0
        ? "no start failed"
        : failedStarts.get() + " start attempt(s) failed and were retried, first: " + firstFailure;
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }
}
