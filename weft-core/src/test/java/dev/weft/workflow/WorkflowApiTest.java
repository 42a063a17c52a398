package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-workflow API: parallelism, awaiting, signals, queries, side effects. */
@Tag("engine")
class WorkflowApiTest {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final AtomicInteger SIDE_EFFECT_RUNS = new AtomicInteger();

  /** Holds the call of {@code slow} named "slow" until the test that raced it is done. */
  static volatile CountDownLatch slowRelease = new CountDownLatch(0);

  @ActivityInterface
  public interface Echo {
    String echo(String value);

    /**
     * Returns {@code value}; the call named "slow" first waits until the test releases it, so a
     * race with another call never depends on the machine's speed ({@code millis} is the delay it
     * stands for, kept in the recorded histories).
     */
    String slow(String value, long millis);
  }

  public static class EchoImpl implements Echo {
    @Override
    public String echo(String value) {
      return value;
    }

    @Override
    public String slow(String value, long millis) {
      if (value.equals("slow")) {
        try {
          slowRelease.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return value;
    }
  }

  static Echo echo() {
    return Workflow.newActivityStub(
        Echo.class,
        ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
  }

  @WorkflowInterface
  public interface FanOut {
    @WorkflowMethod
    List<String> run(int n);
  }

  public static class FanOutImpl implements FanOut {
    @Override
    public List<String> run(int n) {
      Echo echo = echo();
      List<Promise<String>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String value = "v" + i;
        results.add(Workflow.async(() -> echo.echo(value)));
      }
      Promise.allOf(results).get();
      Promise<String> fast = Workflow.async(() -> echo.slow("fast", 10));
      Promise<String> slow = Workflow.async(() -> echo.slow("slow", 1_000));
      String first = Promise.anyOf(List.of(slow, fast)).get();
      List<String> out = new ArrayList<>();
      results.forEach(p -> out.add(p.get()));
      out.add(first);
      out.add(fast.thenApply(String::toUpperCase).get());
      return out;
    }
  }

  @WorkflowInterface
  public interface Approval {
    @WorkflowMethod
    String run(Duration timeout);

    @SignalMethod
    void approve(String who);

    @SignalMethod
    void comment(String text);

    @QueryMethod
    List<String> comments();

    @QueryMethod
    String state();
  }

  public static class ApprovalImpl implements Approval {
    private final List<String> comments = new ArrayList<>();
    private String approver;
    private String state = "waiting";

    @Override
    public String run(Duration timeout) {
      boolean approved = Workflow.await(timeout, () -> approver != null);
      state = approved ? "approved" : "timed out";
      if (!approved) {
        return "escalated";
      }
      Workflow.await(() -> comments.size() >= 3);
      return "approved by " + approver + " after " + comments;
    }

    @Override
    public void approve(String who) {
      approver = who;
    }

    @Override
    public void comment(String text) {
      comments.add(text);
    }

    @Override
    public List<String> comments() {
      return comments;
    }

    @Override
    public String state() {
      return state;
    }
  }

  @WorkflowInterface
  public interface Deterministic {
    @WorkflowMethod
    String run();

    @SignalMethod
    void go();

    @QueryMethod
    String early();
  }

  public static class DeterministicImpl implements Deterministic {
    private boolean go;
    private String early;

    @Override
    public String run() {
      Instant start = Workflow.now();
      int random = Workflow.random().nextInt(1_000_000);
      String uuid = Workflow.randomUUID().toString();
      String effect =
          Workflow.sideEffect(String.class, () -> "effect-" + SIDE_EFFECT_RUNS.incrementAndGet());
      early = start + "|" + random + "|" + uuid + "|" + effect;
      Workflow.await(() -> go);
      Workflow.sleep(Duration.ofMillis(50));
      return start + "|" + random + "|" + uuid + "|" + effect + "|" + echo().echo("done");
    }

    @Override
    public void go() {
      go = true;
    }

    @Override
    public String early() {
      return early;
    }
  }

  private EngineFixture engine(Path dir) {
    return EngineFixture.start(dir, WorkflowApiTest::register);
  }

  private static void register(dev.weft.engine.WeftEngine e) {
    e.newWorker("api")
        .registerWorkflow(FanOut.class, FanOutImpl::new)
        .registerWorkflow(Approval.class, ApprovalImpl::new)
        .registerWorkflow(Deterministic.class, DeterministicImpl::new)
        .registerActivities(new EchoImpl());
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder().taskQueue("api").workflowId(id).build();
  }

  @Test
  void asyncActivitiesRunInParallelAndCombine(@TempDir Path dir) {
    slowRelease = new CountDownLatch(1);
    try (EngineFixture f = engine(dir)) {
      FanOut stub = f.client().newWorkflowStub(FanOut.class, options("fan"));
      List<String> result;
      try {
        result = stub.run(20);
      } finally {
        slowRelease.countDown(); // "slow" loses the race by construction, then returns
      }
      Histories.record("workflow-async-fan-out", f.client().getHandle("fan"));
      assertThat(result).hasSize(22);
      assertThat(result.subList(0, 20))
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, 20).mapToObj(i -> "v" + i).toList());
      assertThat(result.subList(20, 22)).containsExactly("fast", "FAST");
    }
  }

  @Test
  void signalsAreDeliveredInOrderAndQueriesSeeTheState(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Approval stub = f.client().newWorkflowStub(Approval.class, options("approval"));
      WorkflowHandle<String> h = f.client().start(stub::run, Duration.ofMinutes(10));
      assertThat(stub.state()).isEqualTo("waiting");
      stub.comment("one");
      stub.comment("two");
      stub.approve("ada");
      stub.comment("three");
      assertThat(h.getResult(WAIT)).isEqualTo("approved by ada after [one, two, three]");
      assertThat(stub.comments()).containsExactly("one", "two", "three");
      assertThat(stub.state()).isEqualTo("approved");
      Histories.record("workflow-signals-and-await", h);
    }
  }

  @Test
  void awaitWithTimeoutEscalatesWhenNoSignalComes(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Approval stub = f.client().newWorkflowStub(Approval.class, options("late"));
      WorkflowHandle<String> h = f.client().start(stub::run, Duration.ofMillis(200));
      assertThat(h.getResult(WAIT)).isEqualTo("escalated");
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      List<String> types = h.fetchHistory().events().stream().map(e -> e.type()).toList();
      assertThat(types).contains("TimerStarted", "TimerFired");
      Histories.record("workflow-await-timeout", h);
    }
  }

  @Test
  void satisfiedAwaitCancelsItsTimer(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      Approval stub = f.client().newWorkflowStub(Approval.class, options("quick"));
      WorkflowHandle<String> h = f.client().start(stub::run, Duration.ofHours(1));
      // the await must have started its timer: a signal that arrives with the first workflow task
      // runs its handler before the workflow method, and the await is then satisfied at once
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  h.fetchHistory().events().stream()
                      .anyMatch(e -> e.attributes() instanceof EventAttributes.TimerStarted));
      stub.approve("bo");
      stub.comment("a");
      stub.comment("b");
      stub.comment("c");
      h.getResult(WAIT);
      assertThat(h.fetchHistory().events())
          .anyMatch(e -> e.attributes() instanceof EventAttributes.TimerCanceled);
      assertThat(f.store().stats().timers()).isZero();
      Histories.record("workflow-await-cancels-timer", h);
    }
  }

  @Test
  void timeRandomnessAndSideEffectsAreTheSameOnReplay(@TempDir Path dir) {
    SIDE_EFFECT_RUNS.set(0);
    try (EngineFixture f = engine(dir)) {
      Deterministic stub = f.client().newWorkflowStub(Deterministic.class, options("det"));
      WorkflowHandle<String> h = f.client().start(stub::run);
      // wait until the first task ran (its side effect is recorded), then restart so the rest
      // of the run replays from history in a new engine
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(() -> h.fetchHistory().events().size() >= 3);
      String before = stub.early();
      f.restart(WorkflowApiTest::register);
      f.client().newWorkflowStub(Deterministic.class, "det").go();
      String result = f.client().getHandle("det").getResult(String.class);
      assertThat(result).startsWith(before + "|");
      String[] parts = result.split("\\|");
      assertThat(parts[3]).isEqualTo("effect-1");
      assertThat(SIDE_EFFECT_RUNS).hasValue(1);
      Histories.record("workflow-side-effect-random-time", f.client().getHandle("det"));
      assertThat(parts[4]).isEqualTo("done");
      assertThat(f.client().getHandle("det").fetchHistory().events())
          .filteredOn(e -> e.attributes() instanceof EventAttributes.MarkerRecorded)
          .hasSize(1);
    }
  }
}
