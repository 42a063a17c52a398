package dev.weft.server.api.activities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.RemoteActivityTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON bodies of the activity-task routes (schemas {@code Activities*} in the document). */
final class ActivityTaskBodies {
  private ActivityTaskBodies() {}

  /** {@code POST .../activity-tasks/poll} ({@code wait} in JSON: a record cannot name it so). */
  record PollRequest(
      String identity, List<String> activityTypes, @JsonProperty("wait") Duration maxWait) {}

  /** {@code POST .../activity-tasks/poll-batch}: a poll's fields and the most tasks to take. */
  record BatchPollRequest(
      String identity,
      List<String> activityTypes,
      @JsonProperty("wait") Duration maxWait,
      Integer maxTasks) {}

  /** The answer to a batch poll: the leased tasks, none when none came within the wait. */
  record TaskBatch(List<Task> tasks) {}

  /** A polled task. */
  record Task(
      String taskToken,
      String namespace,
      String taskQueue,
      String activityType,
      String workflowId,
      String runId,
      String activityId,
      int attempt,
      JsonNode input,
      Instant startedAt,
      Instant leaseUntil,
      Instant scheduleToCloseDeadline,
      Duration startToCloseTimeout,
      Duration heartbeatTimeout,
      JsonNode heartbeatDetails) {

    static Task of(RemoteActivityTask t) {
      return new Task(
          t.taskToken(),
          t.namespace(),
          t.taskQueue(),
          t.activityType(),
          t.workflowId(),
          t.runId(),
          t.activityId(),
          t.attempt(),
          JsonPayloads.toJson(t.input(), "the input of activity " + t.activityType()),
          t.startedAt(),
          t.leaseUntil(),
          t.scheduleToCloseDeadline(),
          t.startToCloseTimeout(),
          t.heartbeatTimeout(),
          JsonPayloads.toJson(
              t.heartbeatDetails(), "the heartbeat details of activity " + t.activityType()));
    }
  }

  /** {@code POST .../heartbeat}. */
  record HeartbeatRequest(JsonNode details) {}

  /** The answer to a heartbeat. */
  record HeartbeatResponse(boolean cancelRequested) {}

  /** {@code POST .../complete}. */
  record CompleteRequest(JsonNode result) {}

  /** {@code POST .../fail}. */
  record FailRequest(String type, String message, JsonNode details, Boolean nonRetryable) {}
}
