package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.AttentionPage;
import dev.weft.store.AttentionQuery;
import dev.weft.store.AttentionRun;
import dev.weft.store.ClaimRequest;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code listRunsNeedingAttention}: the running runs of a namespace whose workflow task has
 * failed or one of whose activities is retrying (and, with {@code waitingSince}, whose tasks wait
 * unclaimed since before that time), newest first, paged by a token, each with exactly the tasks
 * that make it need attention; closed runs, healthy runs and other namespaces are left out. Also
 * pins a workflow task failure's details, kept beside its text until the next failure.
 */
public abstract class AttentionContract extends StoreContract {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final String DETAILS = "{\"nonDeterminism\":{\"eventId\":5}}";

  @Test
  void listsFailingWorkflowTasksAndRetryingActivitiesOfRunningRunsNewestFirst() {
    commitOk(run("healthy").insert(), new Write.EnsureWorkflowTask("healthy", "q-healthy", T0));
    failWorkflowTask("failing", T0.plusSeconds(1), DETAILS);
    retryActivity("retrying", T0.plusSeconds(2));
    failWorkflowTask("closed", T0.plusSeconds(3), null);
    commitOk(new Write.CloseRun("closed", WorkflowStatus.TERMINATED, T0.plusSeconds(10)));
    commitOk(run("elsewhere").namespace("other").startTime(T0.plusSeconds(4)).insert());
    retryActivityOfInsertedRun("elsewhere");

    AttentionPage page = store.listRunsNeedingAttention(query(null, 10, null));

    assertThat(page.runs()).extracting(r -> r.run().runId()).containsExactly("retrying", "failing");
    assertThat(page.nextPageToken()).isNull();
    AttentionRun retrying = page.runs().get(0);
    assertThat(retrying.workflowTask()).isNull();
    assertThat(retrying.activityTasks()).hasSize(1);
    ActivityTaskState activity = retrying.activityTasks().getFirst();
    assertThat(activity.task().seq()).isEqualTo(1);
    assertThat(activity.task().attempt()).isEqualTo(1);
    assertThat(activity.task().lastFailure()).isEqualTo(bytes("timeout"));
    AttentionRun failing = page.runs().get(1);
    assertThat(failing.activityTasks()).isEmpty();
    assertThat(failing.workflowTask().attempt()).isEqualTo(2);
    assertThat(failing.workflowTask().lastFailure()).isEqualTo("boom in failing");
    assertThat(failing.workflowTask().failureDetails()).isEqualTo(DETAILS);
    assertThat(failing.run().workflowId()).isEqualTo("wf-failing");
  }

  @Test
  void pagesNewestFirstWithTheNextPageToken() {
    failWorkflowTask("a", T0, null);
    failWorkflowTask("b", T0.plusSeconds(1), null);
    failWorkflowTask("c", T0.plusSeconds(1), null);

    AttentionPage first = store.listRunsNeedingAttention(query(null, 2, null));
    AttentionPage second = store.listRunsNeedingAttention(query(null, 2, first.nextPageToken()));

    assertThat(first.runs()).extracting(r -> r.run().runId()).containsExactly("c", "b");
    assertThat(first.nextPageToken()).isNotNull();
    assertThat(second.runs()).extracting(r -> r.run().runId()).containsExactly("a");
    assertThat(second.nextPageToken()).isNull();
  }

  @Test
  void waitingSinceAddsTasksUnclaimedSinceBeforeIt() {
    commitOk(run("stuck").insert(), new Write.EnsureWorkflowTask("stuck", "q-stuck", T0));
    commitOk(
        run("fresh").startTime(T0.plusSeconds(1)).insert(),
        new Write.EnsureWorkflowTask("fresh", "q-fresh", T0.plusSeconds(60)));
    commitOk(
        run("stuck-activity").startTime(T0.plusSeconds(2)).insert(),
        activity("stuck-activity", 3).taskQueue("nobody").visibleAt(T0).insert());
    commitOk(
        run("leased").startTime(T0.plusSeconds(3)).insert(),
        new Write.EnsureWorkflowTask("leased", "q-leased", T0));
    store.claimWorkflowTasks(new ClaimRequest("q-leased", "w1", 7, 1, T0, LEASE));

    AttentionPage waiting = store.listRunsNeedingAttention(query(T0.plusSeconds(30), 10, null));

    assertThat(waiting.runs())
        .extracting(r -> r.run().runId())
        .containsExactly("stuck-activity", "stuck");
    assertThat(waiting.runs().get(0).workflowTask()).isNull();
    assertThat(waiting.runs().get(0).activityTasks())
        .extracting(a -> a.task().seq())
        .containsExactly(3L);
    WorkflowTaskRecord stuck = waiting.runs().get(1).workflowTask();
    assertThat(stuck.attempt()).isEqualTo(1);
    assertThat(stuck.visibleAt()).isEqualTo(T0);
    assertThat(store.listRunsNeedingAttention(query(null, 10, null)).runs()).isEmpty();
  }

  @Test
  void aFailuresDetailsAreReplacedByTheNextFailure() {
    failWorkflowTask("r1", T0, DETAILS);
    store.claimWorkflowTasks(new ClaimRequest("q-r1", "w2", 8, 1, T0.plusSeconds(60), LEASE));

    commitOk(new Write.FailWorkflowTask("r1", "q-r1", 8, "plain", T0.plusSeconds(120)));

    WorkflowTaskRecord task = store.findWorkflowTask("r1").orElseThrow();
    assertThat(task.attempt()).isEqualTo(3);
    assertThat(task.lastFailure()).isEqualTo("plain");
    assertThat(task.failureDetails()).isNull();
  }

  @Test
  void aTokenThisMethodDidNotReturnIsRefused() {
    assertThatThrownBy(() -> store.listRunsNeedingAttention(query(null, 10, "garbage")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("garbage");
  }

  @Test
  void aPageSizeOutOfRangeIsRefused() {
    assertThatThrownBy(() -> query(null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
  }

  private static AttentionQuery query(Instant waitingSince, int pageSize, String token) {
    return new AttentionQuery(TestData.NAMESPACE, waitingSince, pageSize, token);
  }

  /** Inserts a run whose workflow task (on its own queue) failed once. */
  private void failWorkflowTask(String runId, Instant startTime, String details) {
    String queue = "q-" + runId;
    commitOk(
        run(runId).startTime(startTime).taskQueue(queue).insert(),
        new Write.EnsureWorkflowTask(runId, queue, T0));
    List<WorkflowTaskRecord> claimed =
        store.claimWorkflowTasks(new ClaimRequest(queue, "w1", 7, 1, T0, LEASE));
    assertThat(claimed).as("claimed workflow task of " + runId).hasSize(1);
    commitOk(
        new Write.FailWorkflowTask(
            runId, queue, 7, "boom in " + runId, T0.plusSeconds(60), details));
  }

  /** Inserts a run one of whose activities (on its own queue) failed once and waits to retry. */
  private void retryActivity(String runId, Instant startTime) {
    commitOk(run(runId).startTime(startTime).insert());
    retryActivityOfInsertedRun(runId);
  }

  private void retryActivityOfInsertedRun(String runId) {
    String queue = "a-" + runId;
    commitOk(activity(runId, 1).taskQueue(queue).insert());
    List<ActivityTaskState> claimed =
        store.claimActivityTasks(new ClaimRequest(queue, "w1", 7, 1, T0, LEASE));
    assertThat(claimed).as("claimed activity of " + runId).hasSize(1);
    commitOk(new Write.RetryActivityTask(runId, 1, queue, 7, T0.plusSeconds(90), bytes("timeout")));
  }
}
