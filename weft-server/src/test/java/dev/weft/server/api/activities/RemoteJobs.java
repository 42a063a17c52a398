package dev.weft.server.api.activities;

import dev.weft.activity.ActivityCancellationType;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.RetryPolicy;
import dev.weft.engine.WeftEngine;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * A workflow whose activity {@code Process} runs on {@link #REMOTE_QUEUE}, which no in-process
 * worker serves: the API tests play its remote worker.
 */
final class RemoteJobs {
  static final String QUEUE = "jobs";
  static final String REMOTE_QUEUE = "jobs-remote";

  private RemoteJobs() {}

  @ActivityInterface
  public interface JobActivities {
    String process(String input);
  }

  @WorkflowInterface
  public interface Job {
    @WorkflowMethod
    String run(String input, long heartbeatTimeoutMillis, boolean waitForCancel);
  }

  public static final class JobImpl implements Job {
    @Override
    public String run(String input, long heartbeatTimeoutMillis, boolean waitForCancel) {
      ActivityOptions.Builder options =
          ActivityOptions.newBuilder()
              .taskQueue(REMOTE_QUEUE)
              .startToCloseTimeout(Duration.ofMinutes(5))
              .retryPolicy(
                  RetryPolicy.newBuilder()
                      .initialInterval(Duration.ofMillis(10))
                      .maximumAttempts(3)
                      .build());
      if (heartbeatTimeoutMillis > 0) {
        options.heartbeatTimeout(Duration.ofMillis(heartbeatTimeoutMillis));
      }
      if (waitForCancel) {
        options.cancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
      }
      return "["
          + Workflow.newActivityStub(JobActivities.class, options.build()).process(input)
          + "]";
    }
  }

  static void register(WeftEngine engine) {
    engine.newWorker(QUEUE).registerWorkflow(Job.class, JobImpl::new);
  }

  static WorkflowHandle<Object> start(
      WeftEngine engine, String input, long heartbeatTimeoutMillis, boolean waitForCancel) {
    return engine
        .client()
        .start(
            "Job",
            WorkflowOptions.newBuilder().taskQueue(QUEUE).build(),
            input,
            heartbeatTimeoutMillis,
            waitForCancel);
  }
}
