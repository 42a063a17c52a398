package dev.weft.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.failure.ApplicationFailure;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ApplicationFailure#getNextRetryDelay()}: a failure that names the delay before the next
 * attempt overrides the retry policy's backoff, for activities and local activities alike.
 */
@Tag("engine")
class NextRetryDelayTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @ActivityInterface(namePrefix = "Delayed")
  public interface Flaky {
    String call();
  }

  /** Fails its first attempt asking for the next one 300 ms later; records when attempts start. */
  static final class FlakyImpl implements Flaky {
    final List<Instant> attempts = new CopyOnWriteArrayList<>();

    @Override
    public String call() {
      attempts.add(Instant.now());
      if (Activity.getInfo().attempt() == 1) {
        throw ApplicationFailure.newFailureWithCauseAndDelay(
            "busy, retry after 300 ms",
            "Busy",
            new IllegalStateException("503"),
            Duration.ofMillis(300));
      }
      return "done on attempt " + Activity.getInfo().attempt();
    }
  }

  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    String run(boolean local);
  }

  public static class CallerImpl implements Caller {
    // the policy alone would wait 100 s before the second attempt
    private static final RetryPolicy SLOW =
        RetryPolicy.newBuilder().initialInterval(Duration.ofSeconds(100)).build();

    @Override
    public String run(boolean local) {
      Flaky flaky =
          local
              ? Workflow.newLocalActivityStub(
                  Flaky.class,
                  LocalActivityOptions.newBuilder()
                      .startToCloseTimeout(Duration.ofSeconds(5))
                      .retryPolicy(SLOW)
                      .build())
              : Workflow.newActivityStub(
                  Flaky.class,
                  ActivityOptions.newBuilder()
                      .startToCloseTimeout(Duration.ofSeconds(5))
                      .retryPolicy(SLOW)
                      .build());
      return flaky.call();
    }
  }

  private static String runOnce(Path dir, boolean local, FlakyImpl flaky) {
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e ->
                e.newWorker("delays")
                    .registerWorkflow(Caller.class, CallerImpl::new)
                    .registerActivities(flaky))) {
      return (String)
          f.client()
              .start(
                  "Caller",
                  WorkflowOptions.newBuilder()
                      .taskQueue("delays")
                      .workflowId("delay-" + local)
                      .build(),
                  local)
              .getResult(WAIT);
    }
  }

  @Test
  void anActivityRetriesAfterTheDelayItsFailureAskedFor(@TempDir Path dir) {
    FlakyImpl flaky = new FlakyImpl();

    assertThat(runOnce(dir, false, flaky)).isEqualTo("done on attempt 2");
    Duration gap = Duration.between(flaky.attempts.get(0), flaky.attempts.get(1));
    assertThat(gap).isBetween(Duration.ofMillis(300), Duration.ofSeconds(20));
  }

  @Test
  void aLocalActivityRetriesAfterTheDelayItsFailureAskedFor(@TempDir Path dir) {
    FlakyImpl flaky = new FlakyImpl();

    assertThat(runOnce(dir, true, flaky)).isEqualTo("done on attempt 2");
    Duration gap = Duration.between(flaky.attempts.get(0), flaky.attempts.get(1));
    assertThat(gap).isBetween(Duration.ofMillis(300), Duration.ofSeconds(20));
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertThatThrownBy(
            () ->
                ApplicationFailure.newFailureWithCauseAndDelay(
                    "x", "T", null, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ApplicationFailure.nextRetryDelay must not be negative, was PT-1S");
  }
}
