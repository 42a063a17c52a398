package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.event;
import static dev.weft.store.tck.TestData.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.CommitResult;
import dev.weft.store.RunRecord;
import dev.weft.store.RunSnapshot;
import dev.weft.store.RunWithLastEvent;
import dev.weft.store.Write;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins how runs start and are found: {@link Write.InsertRun} (a duplicate run ID conflicts; the
 * workflow ID reuse check through {@code conflictingStatuses} is scoped to namespace and workflow
 * ID), {@code findRun} and {@code findLatestRun} (the most recently started run wins).
 */
public abstract class RunContract extends StoreContract {

  @Test
  void insertedRunIsFoundByRunIdAndByWorkflowId() {
    RunRecord run = run("r1").workflowId("order-1").build();

    commitOk(new Write.InsertRun(run, Set.of()));

    assertThat(store.findRun("r1")).contains(run);
    assertThat(store.findLatestRun(NAMESPACE, "order-1")).contains(run);
  }

  @Test
  void newRunIsRunningWithAnEmptyHistory() {
    startRun("r1");

    RunRecord found = storedRun("r1");
    assertThat(found.status()).isEqualTo(WorkflowStatus.RUNNING);
    assertThat(found.closeTime()).isNull();
    assertThat(found.nextEventId()).isEqualTo(1);
    assertThat(found.historyBytes()).isZero();
    assertThat(store.readHistory("r1", 1)).isEmpty();
  }

  @Test
  void unknownRunIsNotFound() {
    startRun("r1");

    assertThat(store.findRun("missing")).isEmpty();
    assertThat(store.findLatestRun(NAMESPACE, "missing")).isEmpty();
    assertThat(store.findLatestRun("other-namespace", "wf-r1")).isEmpty();
  }

  @Test
  void aRunIsFoundWithItsLastEvent() {
    startRun("r1");
    assertThat(store.findRunWithLastEvent("r1"))
        .hasValueSatisfying(
            found -> {
              assertThat(found.run()).isEqualTo(storedRun("r1"));
              assertThat(found.lastEvent()).as("last event of an empty history").isNull();
            });

    commitOk(
        new Write.AppendEvents("r1", 1, List.of(event(1, "started"), event(2, "task"))),
        new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(5)));
    commitOk(new Write.AppendEvents("r1", 3, List.of(event(3, "completed"))));

    RunWithLastEvent found = store.findRunWithLastEvent("r1").orElseThrow();
    assertThat(found.run()).isEqualTo(storedRun("r1"));
    assertThat(found.run().status()).isEqualTo(WorkflowStatus.COMPLETED);
    assertThat(found.lastEvent()).usingRecursiveComparison().isEqualTo(event(3, "completed"));
    assertThat(store.findRunWithLastEvent("missing")).isEmpty();
  }

  @Test
  void aRunIsLoadedWithItsHistoryAndInbox() {
    startRun("r1");
    commitOk(new Write.AppendEvents("r1", 1, List.of(event(1, "started"), event(2, "task"))));
    commitOk(new Write.InsertInbox("r1", "SignalReceived", T0, "s".getBytes(UTF_8)));

    RunSnapshot loaded = store.loadRun("r1", true).orElseThrow();
    assertThat(loaded.run()).isEqualTo(storedRun("r1"));
    assertThat(loaded.history())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(store.readHistory("r1", 1));
    assertThat(loaded.inbox())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(store.readInbox("r1"))
        .hasSize(1);

    RunSnapshot withoutHistory = store.loadRun("r1", false).orElseThrow();
    assertThat(withoutHistory.history()).isNull();
    assertThat(withoutHistory.inbox()).hasSize(1);
    assertThat(store.loadRun("missing", true)).isEmpty();
  }

  @Test
  void duplicateRunIdConflictsAndKeepsTheFirstRun() {
    RunRecord first = startRun("r1");
    Write.InsertRun again = run("r1").workflowId("another").insert();

    CommitResult.Conflict conflict = commitConflict(again);

    assertThat(conflict.write()).isEqualTo(again);
    assertThat(store.findRun("r1")).contains(first);
    assertThat(store.stats().runs()).isEqualTo(1);
  }

  @Test
  void startConflictsWhileARunOfTheWorkflowIdIsInAConflictingStatus() {
    commitOk(run("r1").workflowId("order-1").insert());
    Write.InsertRun second = run("r2").workflowId("order-1").insert(Set.of(WorkflowStatus.RUNNING));

    CommitResult.Conflict conflict = commitConflict(second);

    assertThat(conflict.write()).isEqualTo(second);
    assertThat(store.findRun("r2")).isEmpty();
  }

  @Test
  void startConflictsWhileARunOfTheWorkflowIdIsInAConflictingClosedStatus() {
    commitOk(run("r1").workflowId("order-1").insert());
    commitOk(new Write.CloseRun("r1", WorkflowStatus.FAILED, T0.plusSeconds(5)));

    commitConflict(
        run("r2")
            .workflowId("order-1")
            .insert(
                Set.of(WorkflowStatus.COMPLETED, WorkflowStatus.FAILED, WorkflowStatus.RUNNING)));

    assertThat(store.findRun("r2")).isEmpty();
  }

  @Test
  void startSucceedsWhileRunsOfTheWorkflowIdAreInOtherStatuses() {
    commitOk(run("r1").workflowId("order-1").insert());
    commitOk(new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(5)));

    commitOk(
        run("r2")
            .workflowId("order-1")
            .startTime(T0.plusSeconds(10))
            .insert(Set.of(WorkflowStatus.RUNNING, WorkflowStatus.FAILED)));

    assertThat(store.findRun("r2")).isPresent();
  }

  @Test
  void withoutConflictingStatusesAnyNumberOfRunsMayShareAWorkflowId() {
    commitOk(run("r1").workflowId("order-1").insert());

    commitOk(run("r2").workflowId("order-1").insert(Set.of()));

    assertThat(store.findRun("r1")).isPresent();
    assertThat(store.findRun("r2")).isPresent();
  }

  @Test
  void conflictingStatusesOnlyConcernTheSameNamespaceAndWorkflowId() {
    commitOk(run("r1").namespace("a").workflowId("order-1").insert());

    commitOk(run("r2").namespace("a").workflowId("order-2").insert(Set.of(WorkflowStatus.RUNNING)));
    commitOk(run("r3").namespace("b").workflowId("order-1").insert(Set.of(WorkflowStatus.RUNNING)));

    assertThat(store.stats().runs()).isEqualTo(3);
  }

  @Test
  void findLatestRunReturnsTheMostRecentlyStartedRun() {
    commitOk(run("r2").workflowId("order-1").startTime(T0.plusSeconds(120)).insert());
    commitOk(run("r1").workflowId("order-1").startTime(T0).insert());
    commitOk(run("r3").workflowId("order-1").startTime(T0.plusSeconds(60)).insert());
    commitOk(new Write.CloseRun("r2", WorkflowStatus.CONTINUED_AS_NEW, T0.plusSeconds(130)));

    assertThat(store.findLatestRun(NAMESPACE, "order-1"))
        .get()
        .extracting(RunRecord::runId)
        .isEqualTo("r2");
  }

  @Test
  void findLatestRunIsScopedToTheNamespace() {
    commitOk(run("r1").namespace("a").workflowId("order-1").startTime(T0).insert());
    commitOk(run("r2").namespace("b").workflowId("order-1").startTime(T0.plusSeconds(60)).insert());

    assertThat(store.findLatestRun("a", "order-1"))
        .get()
        .extracting(RunRecord::runId)
        .isEqualTo("r1");
  }
}
