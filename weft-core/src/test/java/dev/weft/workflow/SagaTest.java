package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ActivityFailure;
import dev.weft.failure.ApplicationFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Saga helper: reverse order, parallel, continuing past failures, reporting them all. */
@Tag("engine")
public class SagaTest {
  static final List<String> LOG = new CopyOnWriteArrayList<>();

  @ActivityInterface
  public interface Steps {
    void act(String step);

    void undo(String step);
  }

  public static class StepsImpl implements Steps {
    @Override
    public void act(String step) {
      LOG.add("do " + step);
      if (step.startsWith("fail")) {
        throw ApplicationFailure.newNonRetryableFailure(step + " failed", "StepFailed");
      }
    }

    @Override
    public void undo(String step) {
      LOG.add("undo " + step);
      if (step.startsWith("broken")) {
        throw ApplicationFailure.newNonRetryableFailure("cannot undo " + step, "UndoFailed");
      }
    }
  }

  @WorkflowInterface
  public interface Trip {
    @WorkflowMethod
    String book(List<String> steps, boolean parallel);
  }

  public static class TripImpl implements Trip {
    @Override
    public String book(List<String> steps, boolean parallel) {
      Steps activities =
          Workflow.newActivityStub(
              Steps.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofSeconds(5))
                  .retryPolicy(RetryPolicy.newBuilder().maximumAttempts(1).build())
                  .build());
      Saga saga = new Saga(new Saga.Options(parallel, true));
      try {
        for (String step : steps) {
          activities.act(step);
          saga.addCompensation(() -> activities.undo(step));
        }
        return "booked";
      } catch (ActivityFailure e) {
        saga.compensate();
        return "compensated";
      }
    }
  }

  private EngineFixture engine(Path dir) {
    LOG.clear();
    return EngineFixture.start(
        dir,
        e ->
            e.newWorker("saga")
                .registerWorkflow(Trip.class, TripImpl::new)
                .registerActivities(new StepsImpl()));
  }

  private static WorkflowHandle<String> start(
      EngineFixture f, List<String> steps, boolean parallel) {
    Trip stub =
        f.client()
            .newWorkflowStub(Trip.class, WorkflowOptions.newBuilder().taskQueue("saga").build());
    return f.client().start(stub::book, steps, parallel);
  }

  @Test
  void compensatesTheStepsThatSucceededInReverseOrder(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<String> h = start(f, List.of("flight", "hotel", "car", "fail-train"), false);
      assertThat(h.getResult()).isEqualTo("compensated");
      assertThat(LOG)
          .containsExactly(
              "do flight",
              "do hotel",
              "do car",
              "do fail-train",
              "undo car",
              "undo hotel",
              "undo flight");
      Histories.record("saga-reverse", h);
    }
  }

  @Test
  void aFailingCompensationDoesNotStopTheOthersAndAllFailuresAreReported(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<String> h =
          start(f, List.of("broken-flight", "hotel", "broken-car", "fail-train"), false);
      assertThatThrownBy(h::getResult)
          .isInstanceOfSatisfying(
              WorkflowFailedException.class,
              e -> {
                assertThat(e.getStatus()).isEqualTo(WorkflowStatus.FAILED);
                assertThat(e.getCause().getMessage())
                    .contains("2 compensation(s) failed")
                    .contains("cannot undo broken-car")
                    .contains("cannot undo broken-flight");
              });
      assertThat(LOG).containsSubsequence("undo broken-car", "undo hotel", "undo broken-flight");
    }
  }

  @Test
  void parallelCompensationRunsEveryCompensation(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<String> h = start(f, List.of("a", "b", "c", "fail-d"), true);
      assertThat(h.getResult()).isEqualTo("compensated");
      assertThat(LOG).contains("undo a", "undo b", "undo c").doesNotContain("undo fail-d");
      Histories.record("saga-parallel", h);
    }
  }
}
