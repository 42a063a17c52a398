package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.HeartbeatResult;
import dev.weft.store.InboxRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link Write.RequestActivityCancel}, the cancel of an activity whose workflow waits for the
 * attempt to stop: a task an attempt holds is marked, keeps its lease and tells the attempt at
 * every heartbeat ({@link HeartbeatResult#CANCEL_REQUESTED}); its completion is accepted; it is not
 * retried ({@link Write.RetryActivityTask#ifCancelRequested} applies instead, still fenced by the
 * lease token). A task no attempt holds is deleted and the nested writes apply; a missing task
 * changes nothing.
 */
public abstract class ActivityCancelContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);

  @Test
  void cancelOfARunningAttemptMarksTheTaskAndItsHeartbeatsSaySo() {
    ActivityTaskState leased = givenLeasedActivity("r1", 1, 7);

    commitOk(new Write.RequestActivityCancel("r1", 1, List.of(canceledEvent("r1"))));

    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.findActivityTasks("r1"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.isLeased()).isTrue();
              assertThat(s.leaseToken()).isEqualTo(leased.leaseToken());
            });
    Instant extended = T0.plusSeconds(30);
    assertThat(store.recordHeartbeat("r1", 1, 7, bytes("cleaning up"), extended))
        .isEqualTo(HeartbeatResult.CANCEL_REQUESTED);
    assertThat(store.findActivityTasks("r1").getFirst().leaseUntil()).isEqualTo(extended);
    assertThat(store.recordHeartbeat("r1", 1, 7, bytes("still"), extended.plusSeconds(1)))
        .isEqualTo(HeartbeatResult.CANCEL_REQUESTED);
    assertThat(store.recordHeartbeat("r1", 1, 99, bytes("x"), extended))
        .isEqualTo(HeartbeatResult.LEASE_LOST);
  }

  @Test
  void heartbeatOfATaskNotCancelledIsRecorded() {
    givenLeasedActivity("r1", 1, 7);
    givenLeasedActivity("r2", 1, 8);

    commitOk(new Write.RequestActivityCancel("r2", 1, List.of()));

    assertThat(store.recordHeartbeat("r1", 1, 7, bytes("x"), T0.plusSeconds(30)))
        .isEqualTo(HeartbeatResult.RECORDED);
  }

  @Test
  void cancelOfATaskNoAttemptHoldsDeletesItAndAppliesTheNestedWrites() {
    startRun("r1");
    commitOk(activity("r1", 1).insert(), activity("r1", 2).visibleAt(T0.plusSeconds(60)).insert());

    commitOk(
        new Write.RequestActivityCancel("r1", 1, List.of(canceledEvent("r1"))),
        new Write.RequestActivityCancel("r1", 2, List.of(canceledEvent("r1"))));

    assertThat(store.findActivityTasks("r1")).isEmpty();
    assertThat(store.readInbox("r1"))
        .extracting(InboxRecord::type)
        .containsExactly("ActivityCanceled", "ActivityCanceled");
    assertThat(store.claimActivityTasks(claim("w1", 7, 5, T0.plusSeconds(60), LEASE))).isEmpty();
  }

  @Test
  void cancelOfAMissingTaskChangesNothing() {
    startRun("r1");

    commitOk(new Write.RequestActivityCancel("r1", 1, List.of(canceledEvent("r1"))));

    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.findActivityTasks("r1")).isEmpty();
  }

  @Test
  void aCancelledAttemptCompletesAsUsual() {
    givenLeasedActivity("r1", 1, 7);
    commitOk(new Write.RequestActivityCancel("r1", 1, List.of()));

    commitOk(new Write.CompleteActivityTask("r1", 1, 7));

    assertThat(store.findActivityTasks("r1")).isEmpty();
  }

  @Test
  void aCancelledTaskIsNotRetriedButEndedWithTheFinalWrites() {
    givenLeasedActivity("r1", 1, 7);
    commitOk(new Write.RequestActivityCancel("r1", 1, List.of()));

    commitOk(retry(7, List.of(canceledEvent("r1"))));

    assertThat(store.findActivityTasks("r1")).isEmpty();
    assertThat(store.readInbox("r1"))
        .extracting(InboxRecord::type)
        .containsExactly("ActivityCanceled");
    assertThat(store.claimActivityTasks(claim("w1", 8, 5, T0.plusSeconds(60), LEASE))).isEmpty();
  }

  @Test
  void theEndOfACancelledTaskIsFencedByTheLeaseToken() {
    givenLeasedActivity("r1", 1, 7);
    commitOk(new Write.RequestActivityCancel("r1", 1, List.of()));

    commitConflict(retry(99, List.of(canceledEvent("r1"))));

    assertThat(store.findActivityTasks("r1"))
        .singleElement()
        .satisfies(s -> assertThat(s.isLeased()).isTrue());
    assertThat(store.readInbox("r1")).isEmpty();
  }

  @Test
  void aTaskNotCancelledIsRetriedWithoutTheFinalWrites() {
    givenLeasedActivity("r1", 1, 7);

    commitOk(retry(7, List.of(canceledEvent("r1"))));

    assertThat(store.readInbox("r1")).isEmpty();
    assertThat(store.findActivityTasks("r1"))
        .singleElement()
        .satisfies(s -> assertThat(s.isLeased()).isFalse());
  }

  @Test
  void nestedWritesMustBeAboutTheSameRun() {
    assertThatThrownBy(
            () -> new Write.RequestActivityCancel("r1", 1, List.of(canceledEvent("other"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r1")
        .hasMessageContaining("other");
    assertThatThrownBy(() -> retry(7, List.of(canceledEvent("other"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other");
  }

  private static Write.RetryActivityTask retry(long token, List<Write> ifCancelRequested) {
    return new Write.RetryActivityTask(
        "r1", 1, QUEUE, token, T0.plusSeconds(30), bytes("fail"), null, ifCancelRequested);
  }

  private static Write canceledEvent(String runId) {
    return new Write.InsertInbox(runId, "ActivityCanceled", T0, bytes("canceled"));
  }

  /** Starts a run with activity {@code seq} leased at T0 with a token. */
  private ActivityTaskState givenLeasedActivity(String runId, long seq, long token) {
    commitOk(TestData.run(runId).insert(), activity(runId, seq).insert());
    List<ActivityTaskState> claimed = store.claimActivityTasks(claim("w1", token, 1, T0, LEASE));
    assertThat(claimed).hasSize(1);
    return claimed.getFirst();
  }
}
