package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.claim;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.Batch;
import dev.weft.store.FlowControl;
import dev.weft.store.FlowControlChange;
import dev.weft.store.KeyLimit;
import dev.weft.store.RateLimit;
import dev.weft.store.TaskKind;
import dev.weft.store.TaskScheduling;
import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.TasksReady;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the limits a store enforces on activity claims, across all claimers. A key's {@link
 * KeyLimit#maxRunning()} caps its leased activity tasks whoever claims them (completing one frees a
 * slot), without holding back the queue's other keys; a queue's rate limit ({@link
 * FlowControlChange.SetQueueRate}) hands out its burst, then tokens as they refill at the rate of
 * {@link RateLimit#perSecond()} measured in claim time ({@link dev.weft.store.ClaimRequest#now()});
 * a key's rate limit does the same for that key only; tasks a limit refused take no token of the
 * queue; removing a limit lifts it; workflow tasks are never limited; a claim a rate limit held
 * back tells listeners when the next token comes. Limit values that make no sense are refused by
 * {@link RateLimit} and {@link KeyLimit} themselves, naming the field and the value.
 */
public abstract class FlowLimitContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);

  /** Registers the queue every test limits. */
  @BeforeEach
  protected void registerQueue() {
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
  }

  private static TaskScheduling key(String key) {
    return new TaskScheduling(TaskScheduling.DEFAULT_PRIORITY, key, 1.0);
  }

  /**
   * Queues {@code count} activity tasks of run r1 from {@code firstSeq}, under {@code scheduling}.
   */
  private void queue(long firstSeq, int count, TaskScheduling scheduling) {
    Batch.Builder batch = Batch.builder();
    for (long seq = firstSeq; seq < firstSeq + count; seq++) {
      batch.add(activity("r1", seq).scheduling(scheduling).insert());
    }
    commitOk(batch.build());
  }

  private List<ActivityTaskState> claimActivities(String owner, int maxTasks, Instant now) {
    return store.claimActivityTasks(claim(owner, owner.hashCode(), maxTasks, now, LEASE));
  }

  private static long countKey(List<ActivityTaskState> claimed, String key) {
    return claimed.stream().filter(s -> s.task().scheduling().fairnessKey().equals(key)).count();
  }

  private long leasedOfKey(String key) {
    return store.findActivityTasks("r1").stream()
        .filter(ActivityTaskState::isLeased)
        .filter(s -> s.task().scheduling().fairnessKey().equals(key))
        .count();
  }

  // --- per-key concurrency ---

  @Test
  void aKeysMaxRunningCapsItsLeasedTasksAcrossClaimers() {
    startRun("r1");
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(2, null)));
    queue(1, 6, key("tenant-a"));
    queue(101, 3, key("tenant-b"));

    List<ActivityTaskState> first = claimActivities("w1", 10, T0);
    List<ActivityTaskState> second = claimActivities("w2", 10, T0);

    assertThat(countKey(first, "tenant-a")).isEqualTo(2);
    assertThat(countKey(first, "tenant-b")).isEqualTo(3);
    assertThat(second).isEmpty();
    assertThat(leasedOfKey("tenant-a")).isEqualTo(2);

    ActivityTaskState done =
        first.stream()
            .filter(s -> s.task().scheduling().fairnessKey().equals("tenant-a"))
            .findFirst()
            .orElseThrow();
    commitOk(new Write.CompleteActivityTask("r1", done.task().seq(), done.leaseToken()));

    List<ActivityTaskState> third = claimActivities("w3", 10, T0.plusSeconds(1));
    assertThat(third).hasSize(1);
    assertThat(countKey(third, "tenant-a")).isEqualTo(1);
    assertThat(claimActivities("w4", 10, T0.plusSeconds(2))).isEmpty();
    assertThat(leasedOfKey("tenant-a")).isEqualTo(2);
  }

  @Test
  void aKeyAtItsLimitDoesNotHoldBackTheOtherKeysEvenWithMoreUrgentTasks() {
    startRun("r1");
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(2, null)));
    // tenant-a's 30 tasks come first in the queue's order
    queue(1, 30, new TaskScheduling(1, "tenant-a", 1.0));
    queue(101, 3, new TaskScheduling(3, "tenant-b", 1.0));

    List<ActivityTaskState> claimed = claimActivities("w1", 10, T0);

    assertThat(countKey(claimed, "tenant-a")).isEqualTo(2);
    assertThat(countKey(claimed, "tenant-b")).isEqualTo(3);
    queue(201, 2, new TaskScheduling(3, "tenant-c", 1.0));
    assertThat(claimActivities("w2", 10, T0))
        .extracting(s -> s.task().scheduling().fairnessKey())
        .containsExactly("tenant-c", "tenant-c");
  }

  @Test
  void concurrentClaimsNeverExceedAKeysMaxRunning() throws Exception {
    startRun("r1");
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(2, null)));
    queue(1, 20, key("tenant-a"));
    List<Callable<List<ActivityTaskState>>> claims = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String owner = "w" + i;
      claims.add(() -> claimActivities(owner, 1, T0));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    int total = 0;
    try {
      for (Future<List<ActivityTaskState>> f : pool.invokeAll(claims)) {
        total += f.get().size();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(total).isEqualTo(2);
    assertThat(leasedOfKey("tenant-a")).isEqualTo(2);
  }

  // --- rates ---

  @Test
  void aQueueRateLimitHandsOutItsBurstThenRefillsAtItsRateInClaimTime() {
    startRun("r1");
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(1.0, 3)));
    queue(1, 20, TaskScheduling.DEFAULT);

    assertThat(claimActivities("w1", 10, T0)).hasSize(3);
    assertThat(claimActivities("w2", 10, T0)).isEmpty();
    assertThat(claimActivities("w3", 10, T0.plusMillis(999))).isEmpty();
    assertThat(claimActivities("w4", 10, T0.plusSeconds(2))).hasSize(2);
    assertThat(claimActivities("w5", 10, T0.plusSeconds(2))).isEmpty();
    // a long quiet period refills the bucket up to its burst, no further
    assertThat(claimActivities("w6", 10, T0.plusSeconds(100))).hasSize(3);
  }

  @Test
  void aClaimForFewerTasksThanTheBucketHoldsLeavesTheRestOfTheTokens() {
    startRun("r1");
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(0.1, 5)));
    queue(1, 20, TaskScheduling.DEFAULT);

    assertThat(claimActivities("w1", 2, T0)).hasSize(2);
    assertThat(claimActivities("w2", 10, T0)).hasSize(3);
    assertThat(claimActivities("w3", 10, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void aKeyRateLimitHoldsBackOnlyThatKey() {
    startRun("r1");
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(
            QUEUE, "tenant-a", new KeyLimit(null, new RateLimit(1.0, 2))));
    queue(1, 5, key("tenant-a"));
    queue(101, 5, key("tenant-b"));

    List<ActivityTaskState> first = claimActivities("w1", 10, T0);

    assertThat(countKey(first, "tenant-a")).isEqualTo(2);
    assertThat(countKey(first, "tenant-b")).isEqualTo(5);
    assertThat(claimActivities("w2", 10, T0)).isEmpty();
    assertThat(claimActivities("w3", 10, T0.plusSeconds(1)))
        .extracting(s -> s.task().scheduling().fairnessKey())
        .containsExactly("tenant-a");
    assertThat(claimActivities("w4", 10, T0.plusSeconds(30))).hasSize(2);
  }

  @Test
  void tasksAKeyLimitRefusedTakeNoTokenOfTheQueue() {
    startRun("r1");
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(1.0, 3)));
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(1, null)));
    queue(1, 5, new TaskScheduling(1, "tenant-a", 1.0));
    queue(101, 5, new TaskScheduling(3, "tenant-b", 1.0));

    List<ActivityTaskState> claimed = claimActivities("w1", 10, T0);

    assertThat(countKey(claimed, "tenant-a")).isEqualTo(1);
    assertThat(countKey(claimed, "tenant-b")).isEqualTo(2);
    assertThat(claimActivities("w2", 10, T0)).isEmpty();
  }

  @Test
  void aClaimHeldBackByARateLimitTellsListenersWhenTheNextTokenComes() {
    RecordingListener listener = new RecordingListener();
    store.addListener(listener);
    startRun("r1");
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(1.0, 3)));
    queue(1, 10, TaskScheduling.DEFAULT);
    listener.awaitReceived(new TasksReady(TaskKind.ACTIVITY, QUEUE, T0));
    listener.clear();

    assertThat(claimActivities("w1", 10, T0)).hasSize(3);

    listener.awaitReceived(
        "activity tasks of " + QUEUE + " ready again within a second",
        n ->
            n instanceof TasksReady t
                && t.kind() == TaskKind.ACTIVITY
                && t.taskQueue().equals(QUEUE)
                && t.visibleAt().isAfter(T0)
                && !t.visibleAt().isAfter(T0.plusSeconds(1)));
  }

  // --- settings ---

  @Test
  void removingALimitLiftsIt() {
    startRun("r1");
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(1.0, 1)));
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(1, null)));
    queue(1, 5, new TaskScheduling(1, "tenant-a", 1.0));
    queue(101, 5, new TaskScheduling(3, "tenant-b", 1.0));
    assertThat(claimActivities("w1", 10, T0))
        .extracting(s -> s.task().scheduling().fairnessKey())
        .containsExactly("tenant-a");

    FlowControl unrated = store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, null));

    assertThat(unrated.queueRates()).isEmpty();
    assertThat(claimActivities("w2", 10, T0))
        .extracting(s -> s.task().scheduling().fairnessKey())
        .containsExactly("tenant-b", "tenant-b", "tenant-b", "tenant-b", "tenant-b");

    FlowControl unlimited =
        store.changeFlowControl(new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", null));

    assertThat(unlimited.keyLimits().getOrDefault(QUEUE, Map.of())).isEmpty();
    assertThat(claimActivities("w3", 10, T0))
        .extracting(s -> s.task().scheduling().fairnessKey())
        .containsExactly("tenant-a", "tenant-a", "tenant-a", "tenant-a");
    assertThat(store.findActivityTasks("r1")).hasSize(10).allMatch(ActivityTaskState::isLeased);
  }

  @Test
  void aNewLimitReplacesTheKeysPreviousOne() {
    startRun("r1");
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(1, null)));
    queue(1, 5, key("tenant-a"));
    assertThat(claimActivities("w1", 10, T0)).hasSize(1);

    FlowControl raised =
        store.changeFlowControl(
            new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(3, null)));

    assertThat(raised.keyLimits().get(QUEUE)).containsEntry("tenant-a", new KeyLimit(3, null));
    assertThat(claimActivities("w2", 10, T0)).hasSize(2);
  }

  @Test
  void limitsGovernActivityTasksOnly() {
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(1.0, 1)));
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(
            QUEUE, "tenant-a", new KeyLimit(1, new RateLimit(1.0, 1))));
    for (int i = 0; i < 4; i++) {
      commitOk(
          run("r" + i).scheduling(key("tenant-a")).insert(),
          new Write.EnsureWorkflowTask("r" + i, QUEUE, T0));
    }

    assertThat(store.claimWorkflowTasks(claim("w1", 7, 10, T0, LEASE))).hasSize(4);
  }

  @Test
  void flowControlTellsWhichActivityTasksALimitGoverns() {
    store.changeFlowControl(
        new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(1, null)));

    FlowControl settings = store.flowControl();

    assertThat(settings.governs(QUEUE, "ChargeCard", "tenant-a")).isTrue();
    assertThat(settings.governs(QUEUE, "ChargeCard", "tenant-b")).isFalse();
    FlowControl rated =
        store.changeFlowControl(
            new FlowControlChange.SetQueueRate(QUEUE, RateLimit.perSecond(2.5)));
    assertThat(rated.queueRates()).containsEntry(QUEUE, new RateLimit(2.5, 3));
    assertThat(rated.governs(QUEUE, "ChargeCard", "tenant-b")).isTrue();
  }

  @Test
  void nonsensicalLimitsAreRefusedNamingTheFieldAndTheValue() {
    assertThatThrownBy(() -> new RateLimit(0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perSecond")
        .hasMessageContaining("was 0.0");
    assertThatThrownBy(() -> new RateLimit(-1.5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perSecond")
        .hasMessageContaining("was -1.5");
    assertThatThrownBy(() -> new RateLimit(Double.NaN, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perSecond")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> new RateLimit(Double.POSITIVE_INFINITY, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("perSecond")
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> new RateLimit(1.0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("burst")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> new RateLimit(1.0, -4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("burst")
        .hasMessageContaining("was -4");
    assertThatThrownBy(() -> new KeyLimit(0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRunning")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> new KeyLimit(-2, new RateLimit(1.0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRunning")
        .hasMessageContaining("was -2");
    assertThatThrownBy(() -> new KeyLimit(null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRunning");
  }
}
