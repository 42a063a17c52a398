package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's meters (issue 18): a workflow with two activities and a timer, a failing one, a
 * terminated one and a non-deterministic one, on both stores, with every meter's value checked in a
 * {@link SimpleMeterRegistry}. Time is a manual clock, so lags and lateness are exact.
 */
@Tag("engine")
class EngineMetricsTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

  @ActivityInterface
  public interface Greeter {
    String greet(String name);
  }

  public static class GreeterImpl implements Greeter {
    @Override
    public String greet(String name) {
      return "hello " + name;
    }
  }

  @WorkflowInterface
  public interface Trip {
    @WorkflowMethod
    String run(String name);
  }

  /** Two activities, then a 10 s timer. */
  public static class TripImpl implements Trip {
    @Override
    public String run(String name) {
      Greeter greeter = Workflow.newActivityStub(Greeter.class, options());
      String first = greeter.greet(name);
      String second = greeter.greet(first);
      Workflow.sleep(Duration.ofSeconds(10));
      return second;
    }
  }

  @WorkflowInterface
  public interface Doomed {
    @WorkflowMethod
    String run();
  }

  public static class DoomedImpl implements Doomed {
    @Override
    public String run() {
      throw ApplicationFailure.newFailure("doomed on purpose", "Doomed");
    }
  }

  @WorkflowInterface
  public interface Waiter {
    @WorkflowMethod
    String run();

    @SignalMethod
    void go();
  }

  /** Calls an activity, then waits for a signal. */
  public static class WaiterImpl implements Waiter {
    private boolean go;

    @Override
    public String run() {
      Workflow.newActivityStub(Greeter.class, options()).greet("waiter");
      Workflow.await(() -> go);
      return "went";
    }

    @Override
    public void go() {
      go = true;
    }
  }

  /** The same workflow type changed incompatibly: a timer where history has an activity. */
  public static class ChangedWaiterImpl implements Waiter {
    private boolean go;

    @Override
    public String run() {
      Workflow.sleep(Duration.ofMinutes(1));
      Workflow.await(() -> go);
      return "went";
    }

    @Override
    public void go() {
      go = true;
    }
  }

  static ActivityOptions options() {
    return ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build();
  }

  private final ManualClock clock = new ManualClock(T0);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private EngineFixture engine(TestStore kind, Path dir, Consumer<WeftEngine> setup) {
    return EngineFixture.start(kind, dir, b -> b.clock(clock).meterRegistry(meters), setup);
  }

  private static void workers(WeftEngine e) {
    e.newWorker("trips")
        .registerWorkflow(Trip.class, TripImpl::new)
        .registerWorkflow(Doomed.class, DoomedImpl::new)
        .registerActivities(new GreeterImpl());
  }

  private static WorkflowOptions on(String queue) {
    return WorkflowOptions.newBuilder().taskQueue(queue).build();
  }

  private double counter(String name, String... tags) {
    Counter c = meters.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  private Timer timer(String name, String... tags) {
    Timer t = meters.find(name).tags(tags).timer();
    assertThat(t).as("timer %s %s", name, String.join(",", tags)).isNotNull();
    return t;
  }

  private long taskCount(String workflowType) {
    Timer t = meters.find("weft.workflow.task.latency").tags("workflow_type", workflowType).timer();
    return t == null ? 0 : t.count();
  }

  private double gauge(String name, String... tags) {
    Gauge g = meters.find(name).tags(tags).gauge();
    assertThat(g).as("gauge %s %s", name, String.join(",", tags)).isNotNull();
    return g.value();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aWorkflowWithActivitiesAndATimerFeedsEveryMeter(TestStore kind, @TempDir Path dir) {
    try (EngineFixture f = engine(kind, dir, EngineMetricsTest::workers)) {
      WorkflowHandle<Object> trip = f.client().start("Trip", on("trips"), "ada");
      Awaitility.await().atMost(WAIT).until(() -> f.stats().timers() == 1);
      clock.advance(Duration.ofSeconds(15));
      assertThat(trip.getResult(String.class)).isEqualTo("hello hello ada");
      // a worker records its meters just after the commit that a waiting client may see first
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  counter("weft.workflow.closed", "workflow_type", "Trip", "status", "completed")
                          == 1
                      && taskCount("Trip") == 4);

      assertThat(counter("weft.workflow.started", "workflow_type", "Trip")).isEqualTo(1);
      assertThat(counter("weft.workflow.closed", "workflow_type", "Trip", "status", "completed"))
          .isEqualTo(1);
      assertThat(counter("weft.workflow.closed", "workflow_type", "Trip", "status", "failed"))
          .isZero();
      // the first task, one per activity result, the timer's: each commits once
      Timer tasks = timer("weft.workflow.task.latency", "workflow_type", "Trip");
      assertThat(tasks.count()).isEqualTo(4);
      assertThat(tasks.totalTime(TimeUnit.NANOSECONDS)).isPositive();

      Timer lag =
          timer("weft.activity.schedule.to.start", "activity_type", "Greet", "task_queue", "trips");
      assertThat(lag.count()).isEqualTo(2);
      assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isZero(); // the clock stood still
      Timer execution =
          timer("weft.activity.execution", "activity_type", "Greet", "task_queue", "trips");
      assertThat(execution.count()).isEqualTo(2);
      assertThat(execution.totalTime(TimeUnit.NANOSECONDS)).isPositive();

      // due at T0 + 10 s, fired when the clock jumped to T0 + 15 s
      Timer lateness = timer("weft.timer.lateness");
      assertThat(lateness.count()).isEqualTo(1);
      assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5_000);

      Timer commits = timer("weft.store.commit");
      DistributionSummary groups = meters.find("weft.store.commit.group.size").summary();
      assertThat(commits.count()).isPositive();
      assertThat(groups).isNotNull();
      assertThat(groups.count()).isEqualTo(commits.count());
      assertThat(groups.totalAmount()).isGreaterThanOrEqualTo(groups.count());
      assertThat(counter("weft.nondeterminism.errors", "workflow_type", "Trip")).isZero();

      // nothing waits on the served queue: its gauges exist and read 0
      assertThat(gauge("weft.task.queue.backlog", "task_queue", "trips", "kind", "workflow"))
          .isZero();
      assertThat(gauge("weft.task.queue.oldest.age", "task_queue", "trips", "kind", "activity"))
          .isZero();
    }
  }

  @Test
  void failedAndTerminatedRunsCountByStatus(@TempDir Path dir) {
    try (EngineFixture f = engine(TestStore.SQLITE, dir, EngineMetricsTest::workers)) {
      WorkflowHandle<Object> doomed = f.client().start("Doomed", on("trips"), new Object[0]);
      Assertions.assertThatThrownBy(doomed::getResult).isInstanceOf(WorkflowFailedException.class);
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  counter("weft.workflow.closed", "workflow_type", "Doomed", "status", "failed")
                      == 1);
      WorkflowHandle<Object> trip = f.client().start("Trip", on("trips"), "bob");
      Awaitility.await().atMost(WAIT).until(() -> f.stats().timers() == 1);
      trip.terminate("enough");

      assertThat(counter("weft.workflow.started", "workflow_type", "Doomed")).isEqualTo(1);
      assertThat(counter("weft.workflow.closed", "workflow_type", "Doomed", "status", "failed"))
          .isEqualTo(1);
      assertThat(counter("weft.workflow.started", "workflow_type", "Trip")).isEqualTo(1);
      assertThat(counter("weft.workflow.closed", "workflow_type", "Trip", "status", "terminated"))
          .isEqualTo(1);
      assertThat(counter("weft.workflow.closed", "workflow_type", "Trip", "status", "completed"))
          .isZero();
    }
  }

  @Test
  void backlogGaugesShowWaitingTasksAndTheirAge(@TempDir Path dir) {
    try (EngineFixture f = engine(TestStore.SQLITE, dir, EngineMetricsTest::workers)) {
      // no worker polls "later": its first workflow tasks wait
      f.client().start("Trip", on("later"), "a");
      f.client().start("Trip", on("later"), "b");
      clock.advance(Duration.ofSeconds(42));

      // the first read finds the queue, and registers its gauges with what it read
      assertThat(gauge("weft.task.queue.backlog", "task_queue", "trips", "kind", "workflow"))
          .isZero();
      assertThat(gauge("weft.task.queue.backlog", "task_queue", "later", "kind", "workflow"))
          .isEqualTo(2);
      assertThat(gauge("weft.task.queue.oldest.age", "task_queue", "later", "kind", "workflow"))
          .isEqualTo(42.0);
    }
  }

  @Test
  void aChangedWorkflowCountsNonDeterminismErrors(@TempDir Path dir) {
    try (EngineFixture f =
        engine(
            TestStore.SQLITE,
            dir,
            e ->
                e.newWorker("waits")
                    .registerWorkflow(Waiter.class, WaiterImpl::new)
                    .registerActivities(new GreeterImpl()))) {
      WorkflowHandle<Object> h = f.client().start("Waiter", on("waits"), new Object[0]);
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  counter("weft.workflow.task.latency", "workflow_type", "Waiter") == 0
                      && timer("weft.workflow.task.latency", "workflow_type", "Waiter").count()
                          >= 2);
      f.restart(
          e ->
              e.newWorker("waits")
                  .registerWorkflow(Waiter.class, ChangedWaiterImpl::new)
                  .registerActivities(new GreeterImpl()));
      f.client().getHandle(h.workflowId()).signal("go");

      Awaitility.await()
          .atMost(WAIT)
          .until(() -> counter("weft.nondeterminism.errors", "workflow_type", "Waiter") >= 1);
      assertThat(counter("weft.workflow.closed", "workflow_type", "Waiter", "status", "completed"))
          .isZero();
    }
  }
}
