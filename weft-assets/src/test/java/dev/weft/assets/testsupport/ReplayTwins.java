package dev.weft.assets.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowSummary;
import dev.weft.history.EventAttributes;
import dev.weft.history.WorkflowHistory;
import dev.weft.testing.RecordedHistories;
import dev.weft.testing.WorkflowReplayer;
import dev.weft.testsupport.TestStore;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The live half of a replay twin: a feature test hands over a run it just finished, whose history
 * is exported (to JSON and back, as a checked-in history is read) and replayed at once on today's
 * code, so a workflow that is not deterministic fails the live test on every store. On SQLite the
 * history is also handed to {@link RecordedHistories#record}, which writes it for checking in when
 * the build runs with {@code -Dweft.recordHistories=true}; the replay tests replay the checked-in
 * copies, so a later change that breaks stored histories fails too.
 */
public final class ReplayTwins {
  private ReplayTwins() {}

  /**
   * Replays the run's history on the current code (asserting it replays without a non-determinism)
   * and records it under {@code name} when the store is SQLite.
   */
  public static void replayAndRecord(
      TestStore kind,
      String name,
      WorkflowHandle<?> run,
      Class<?> workflowInterface,
      Supplier<?> implementation) {
    WorkflowHistory exported = WorkflowHistory.fromJson(run.fetchHistory().toJson());
    assertThatCode(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    exported, workflowInterface, implementation))
        .as("replay of %s (run %s) on today's code", name, exported.runId())
        .doesNotThrowAnyException();
    if (kind == TestStore.SQLITE) {
      RecordedHistories.record(name, run);
    }
  }

  /**
   * The workflow ID of the first child the run of {@code parentId} started (an asset workflow's
   * child has a random ID).
   *
   * @throws java.util.NoSuchElementException if it started none
   */
  public static String childOf(WeftClient client, String parentId) {
    return client.getHandle(parentId).fetchHistory().events().stream()
        .map(e -> e.attributes())
        .filter(a -> a instanceof EventAttributes.StartChildWorkflowInitiated)
        .map(a -> ((EventAttributes.StartChildWorkflowInitiated) a).workflowId())
        .findFirst()
        .orElseThrow();
  }

  /** The run ID of the newest run of {@code workflowId} whose history has an event of a type. */
  public static String runWith(
      WeftClient client, String workflowId, Class<? extends EventAttributes> type) {
    return runWhere(
        client,
        workflowId,
        h -> h.events().stream().anyMatch(e -> type.isInstance(e.attributes())));
  }

  /**
   * The run ID of the newest run of {@code workflowId} (continue-as-new makes several) whose
   * history matches.
   *
   * @throws java.util.NoSuchElementException if none does
   */
  public static String runWhere(
      WeftClient client, String workflowId, Predicate<WorkflowHistory> matches) {
    return client
        .listWorkflows(WorkflowFilter.query("WorkflowId = '" + workflowId + "'"))
        .workflows()
        .stream()
        .map(WorkflowSummary::runId)
        .filter(runId -> matches.test(client.getHandle(workflowId, runId).fetchHistory()))
        .findFirst()
        .orElseThrow();
  }
}
