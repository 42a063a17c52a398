package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.RunParts.NOW;
import static dev.weft.internal.runtime.RunParts.liveTask;
import static dev.weft.internal.runtime.RunParts.replayTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.failure.NonDeterminismException;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.MarkerRecorded;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.history.EventAttributes.WorkflowCompleted;
import dev.weft.history.HistoryEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CurrentTaskTest {

  private static TimerStarted timer(long seq, Duration duration) {
    return new TimerStarted(seq, duration, NOW.plus(duration));
  }

  @Test
  void numbersCommandsFromOneAndCollectsThemInOrder() {
    CurrentTask task = liveTask();

    long first = task.nextSeq();
    assertThat(task.command(timer(first, Duration.ofSeconds(1)))).isNull();
    long second = task.nextSeq();
    task.command(timer(second, Duration.ofSeconds(2)));

    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    assertThat(task.produced())
        .containsExactly(timer(1, Duration.ofSeconds(1)), timer(2, Duration.ofSeconds(2)));
    assertThat(task.now()).isEqualTo(NOW);
    assertThat(task.isReplaying()).isFalse();
  }

  @Test
  void aClosingCommandEndsTheOutputAndLaterCommandsAreDropped() {
    CurrentTask task = liveTask();

    task.command(new WorkflowCompleted(null));
    HistoryEvent later = task.command(timer(task.nextSeq(), Duration.ofSeconds(1)));

    assertThat(later).isNull();
    assertThat(task.isClosing()).isTrue();
    assertThat(task.isStopping()).isTrue();
    assertThat(task.produced()).containsExactly(new WorkflowCompleted(null));
  }

  @Test
  void aNewTaskStartsAnEmptyOutputAndKeepsNumbering() {
    CurrentTask task = liveTask();
    task.command(timer(task.nextSeq(), Duration.ofSeconds(1)));

    task.begin(NOW.plusSeconds(5), null);

    assertThat(task.produced()).isEmpty();
    assertThat(task.now()).isEqualTo(NOW.plusSeconds(5));
    assertThat(task.nextSeq()).isEqualTo(2);
  }

  @Test
  void replayReturnsTheRecordedCommandWhichMatchesByIdentityNotArguments() {
    CurrentTask task = replayTask(timer(1, Duration.ofSeconds(10)));

    HistoryEvent recorded = task.command(timer(task.nextSeq(), Duration.ofSeconds(99)));
    task.finishReplay();

    assertThat(task.isReplaying()).isTrue();
    assertThat(recorded.eventId()).isEqualTo(4);
    assertThat(recorded.attributes()).isEqualTo(timer(1, Duration.ofSeconds(10)));
  }

  @Test
  void aCommandThatDiffersFromHistoryAbortsTheTaskWithANonDeterminism() {
    CurrentTask task = replayTask(timer(1, Duration.ofSeconds(10)));
    ActivityScheduled asked =
        new ActivityScheduled(1, "charge", "q", null, null, null, null, null, null);

    assertThatThrownBy(() -> task.command(asked)).isInstanceOf(DestroyWorkflowThreadError.class);

    assertThat(task.abortReason())
        .isInstanceOf(NonDeterminismException.class)
        .hasMessageContaining("ActivityScheduled(seq 1, activity type 'charge')")
        .hasMessageContaining("TimerStarted(seq 1");
    assertThat(task.isStopping()).isTrue();
    assertThatThrownBy(() -> task.command(timer(2, Duration.ZERO)))
        .isInstanceOf(DestroyWorkflowThreadError.class);
  }

  @Test
  void recordedCommandsTheCodeDidNotAskForFailTheReplayAtItsEnd() {
    CurrentTask task = replayTask(timer(1, Duration.ofSeconds(10)));

    assertThatThrownBy(task::finishReplay)
        .isInstanceOf(NonDeterminismException.class)
        .hasMessageContaining("nothing more");
  }

  @Test
  void versionMarkersTheCodeNoLongerAsksForAreSkipped() {
    CurrentTask task =
        replayTask(
            new MarkerRecorded(0, Commands.VERSION_MARKER, "old-change", null),
            timer(1, Duration.ofSeconds(1)));

    HistoryEvent recorded = task.command(timer(task.nextSeq(), Duration.ofSeconds(1)));
    task.finishReplay();

    assertThat(recorded.eventId()).isEqualTo(5);
  }

  @Test
  void theFirstReasonToAbortWins() {
    CurrentTask task = liveTask();

    task.abort(new IllegalStateException("first"));
    task.abort(new IllegalStateException("second"));

    assertThat(task.abortReason()).hasMessage("first");
  }

  @Test
  void endingTheTaskForgetsItsRecordedCommands() {
    CurrentTask task = replayTask(timer(1, Duration.ofSeconds(1)));

    task.end();

    assertThat(task.isReplaying()).isFalse();
    assertThat(task.replay()).isNull();
  }
}
