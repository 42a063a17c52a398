package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.CommitResult;
import dev.weft.store.TimerRecord;
import dev.weft.store.Write;
import org.junit.jupiter.api.Test;

/**
 * Pins durable timers: {@code findTimers} lists a run's timers by sequence number; {@code
 * dueTimers} returns only timers due at {@code now} (a timer is due at its fire time), earliest
 * first, at most {@code limit}, across runs; {@link Write.DeleteTimer} conflicts on a missing timer
 * only when {@code required}.
 */
public abstract class TimerContract extends StoreContract {

  @Test
  void timersOfARunAreFoundBySequenceNumber() {
    startRun("r1");
    startRun("r2");

    commitOk(
        new Write.InsertTimer(timer("r1", 4, T0.plusSeconds(10))),
        new Write.InsertTimer(timer("r1", 2, T0.plusSeconds(20))),
        new Write.InsertTimer(timer("r2", 1, T0.plusSeconds(5))));

    assertThat(store.findTimers("r1"))
        .containsExactly(timer("r1", 2, T0.plusSeconds(20)), timer("r1", 4, T0.plusSeconds(10)));
  }

  @Test
  void dueTimersReturnsOnlyDueTimersEarliestFirst() {
    startRun("r1");
    startRun("r2");
    commitOk(
        new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(180))),
        new Write.InsertTimer(timer("r2", 2, T0.plusSeconds(60))),
        new Write.InsertTimer(timer("r1", 3, T0.plusSeconds(120))),
        new Write.InsertTimer(timer("r2", 4, T0.plusSeconds(181))));

    assertThat(store.dueTimers(T0.plusSeconds(180), 10))
        .containsExactly(
            timer("r2", 2, T0.plusSeconds(60)),
            timer("r1", 3, T0.plusSeconds(120)),
            timer("r1", 1, T0.plusSeconds(180)));
    assertThat(store.dueTimers(T0.plusSeconds(59), 10)).isEmpty();
  }

  @Test
  void dueTimersReturnsAtMostLimitOfTheEarliest() {
    startRun("r1");
    for (int seq = 1; seq <= 5; seq++) {
      commitOk(new Write.InsertTimer(timer("r1", seq, T0.plusSeconds(60 - seq))));
    }

    assertThat(store.dueTimers(T0.plusSeconds(60), 2))
        .extracting(TimerRecord::seq)
        .containsExactly(5L, 4L);
  }

  @Test
  void dueTimersStayDueUntilDeleted() {
    startRun("r1");
    commitOk(new Write.InsertTimer(timer("r1", 1, T0)));

    assertThat(store.dueTimers(T0.plusSeconds(60), 10)).hasSize(1);
    commitOk(new Write.DeleteTimer("r1", 1, true));

    assertThat(store.dueTimers(T0.plusSeconds(60), 10)).isEmpty();
    assertThat(store.findTimers("r1")).isEmpty();
  }

  @Test
  void deletingAMissingRequiredTimerConflicts() {
    startRun("r1");
    commitOk(new Write.InsertTimer(timer("r1", 1, T0)));
    commitOk(new Write.DeleteTimer("r1", 1, true));
    Write.DeleteTimer secondFiring = new Write.DeleteTimer("r1", 1, true);

    CommitResult.Conflict conflict = commitConflict(secondFiring);

    assertThat(conflict.write()).isEqualTo(secondFiring);
  }

  @Test
  void deletingAMissingOptionalTimerSucceeds() {
    startRun("r1");

    commitOk(new Write.DeleteTimer("r1", 1, false));

    assertThat(store.findTimers("r1")).isEmpty();
  }

  @Test
  void deletingATimerLeavesTheOthers() {
    startRun("r1");
    startRun("r2");
    commitOk(
        new Write.InsertTimer(timer("r1", 1, T0)),
        new Write.InsertTimer(timer("r1", 2, T0)),
        new Write.InsertTimer(timer("r2", 1, T0)));

    commitOk(new Write.DeleteTimer("r1", 1, false));

    assertThat(store.findTimers("r1")).extracting(TimerRecord::seq).containsExactly(2L);
    assertThat(store.findTimers("r2")).hasSize(1);
  }
}
