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
import dev.weft.store.TaskScheduling;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins fairness between the keys of a queue ({@link TaskScheduling#fairnessKey()}): within one
 * priority, keys take turns, so a key's deep backlog does not delay another key's task by more than
 * about one task per other busy key; keys with a backlog are served in proportion to their weights
 * ({@link TaskScheduling#fairnessWeight()}); a key that was idle joins at the queue's current turn,
 * without credit for the time it was idle (it does not then take a long run of turns); and workflow
 * tasks share their queue by the key their run was inserted with. Weights outside (0, 1000] are
 * refused by {@link TaskScheduling} itself, naming the value.
 */
public abstract class FairnessContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);

  private static TaskScheduling key(String key, double weight) {
    return new TaskScheduling(TaskScheduling.DEFAULT_PRIORITY, key, weight);
  }

  /** Queues {@code count} activity tasks of run {@code runId} under {@code key}, in one batch. */
  private void queueActivities(String runId, long firstSeq, int count, TaskScheduling key) {
    Batch.Builder batch = Batch.builder();
    for (long seq = firstSeq; seq < firstSeq + count; seq++) {
      batch.add(activity(runId, seq).scheduling(key).insert());
    }
    commitOk(batch.build());
  }

  /** Claims one activity task at a time, {@code count} times, and returns their keys in order. */
  private List<String> claimKeysOneByOne(int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<ActivityTaskState> claimed =
          store.claimActivityTasks(claim("w" + i, 100 + i, 1, T0, LEASE));
      assertThat(claimed).as("claim %s", i).hasSize(1);
      keys.add(claimed.getFirst().task().scheduling().fairnessKey());
    }
    return keys;
  }

  @Test
  void aQuietKeysTaskIsNotQueuedBehindANoisyKeysBacklog() {
    startRun("noisy");
    startRun("quiet");
    queueActivities("noisy", 1, 2_000, key("noisy", 1));
    queueActivities("quiet", 1, 1, key("quiet", 1));

    // one other busy key: the quiet task waits behind at most one of its tasks
    assertThat(claimKeysOneByOne(2)).contains("quiet");
  }

  @Test
  void aQuietKeyStaysAheadOfTheBacklogWhileTheQueueWorksThroughIt() {
    startRun("noisy");
    startRun("quiet");
    queueActivities("noisy", 1, 2_000, key("noisy", 1));
    for (int i = 0; i < 5; i++) {
      assertThat(store.claimActivityTasks(claim("bulk", 1, 100, T0, LEASE))).hasSize(100);
    }

    queueActivities("quiet", 1, 1, key("quiet", 1));

    assertThat(claimKeysOneByOne(2)).contains("quiet");
  }

  @Test
  void aQuietRunsWorkflowTaskIsNotQueuedBehindANoisyKeysBacklog() {
    Batch.Builder batch = Batch.builder();
    for (int i = 0; i < 500; i++) {
      batch.add(run("noisy-" + i).scheduling(key("noisy", 1)).insert());
      batch.add(new Write.EnsureWorkflowTask("noisy-" + i, QUEUE, T0));
    }
    commitOk(batch.build());
    commitOk(
        run("quiet").scheduling(key("quiet", 1)).insert(),
        new Write.EnsureWorkflowTask("quiet", QUEUE, T0));

    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<WorkflowTaskRecord> claimed =
          store.claimWorkflowTasks(claim("w" + i, 100 + i, 1, T0, LEASE));
      assertThat(claimed).hasSize(1);
      runs.add(claimed.getFirst().runId());
    }

    assertThat(runs).contains("quiet");
  }

  @Test
  void keysWithABacklogAreServedInProportionToTheirWeights() {
    startRun("a");
    startRun("b");
    queueActivities("a", 1, 40, key("A", 2));
    queueActivities("b", 1, 40, key("B", 1));

    List<String> keys = claimKeysOneByOne(30);

    long a = keys.stream().filter("A"::equals).count();
    assertThat(a).as("tasks of key A (weight 2) among the first 30: %s", keys).isBetween(18L, 22L);
    assertThat(30 - a).as("tasks of key B (weight 1)").isBetween(8L, 12L);
  }

  @Test
  void keysOfEqualWeightTakeTurnsWhateverTheirBacklogs() {
    startRun("r1");
    queueActivities("r1", 1, 300, key("big", 1));
    queueActivities("r1", 1_001, 3, key("small-1", 1));
    queueActivities("r1", 2_001, 3, key("small-2", 1));

    List<String> keys = claimKeysOneByOne(9);

    // three busy keys: every key gets its three tasks within the first nine
    assertThat(keys).filteredOn("small-1"::equals).hasSize(3);
    assertThat(keys).filteredOn("small-2"::equals).hasSize(3);
    assertThat(keys).filteredOn("big"::equals).hasSize(3);
  }

  @Test
  void aKeyThatWasIdleGetsNoCreditForItsIdleTime() {
    startRun("a");
    startRun("b");
    queueActivities("a", 1, 100, key("A", 1));
    for (int i = 0; i < 5; i++) {
      assertThat(store.claimActivityTasks(claim("bulk", 1, 10, T0, LEASE))).hasSize(10);
    }

    // B was idle while A had 50 turns; from now on they share the queue evenly
    queueActivities("b", 1, 20, key("B", 1));
    List<String> keys = claimKeysOneByOne(20);

    long b = keys.stream().filter("B"::equals).count();
    assertThat(b)
        .as("tasks of the newly busy key B among the next 20: %s", keys)
        .isBetween(8L, 12L);
  }

  @Test
  void fairnessWeightsOutsideTheAllowedRangeAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> key("A", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fairnessWeight")
        .hasMessageContaining("was 0.0");
    assertThatThrownBy(() -> key("A", -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fairnessWeight")
        .hasMessageContaining("was -2.0");
    assertThatThrownBy(() -> key("A", TaskScheduling.MAX_WEIGHT + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fairnessWeight")
        .hasMessageContaining("was 1001.0");
    assertThatThrownBy(() -> key("A", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fairnessWeight")
        .hasMessageContaining("NaN");
    assertThat(key("A", TaskScheduling.MAX_WEIGHT).fairnessWeight())
        .isEqualTo(TaskScheduling.MAX_WEIGHT);
  }
}
