package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.event;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.TestData.timer;
import static dev.weft.store.tck.VisibilityQueries.listIds;
import static dev.weft.store.tck.VisibilityQueries.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.CommitResult;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.StoreStats;
import dev.weft.store.Write;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins how search attributes and the memo behave with the rest of a batch and the run's life: both
 * {@link Write.UpsertSearchAttributes} and {@link Write.SetMemo} conflict for a run that does not
 * exist, also one the batch inserts only after them, and roll their whole batch back; any conflict
 * of a batch undoes its attribute and memo changes, and a duplicate insert leaves the first run's
 * intact. Closing a run and deleting its tasks keep both, and both can still change after the run
 * closed.
 */
public abstract class VisibilityAtomicityContract extends StoreContract {

  @Test
  void anUpsertForAnUnknownRunConflictsAndItsBatchLeavesNoTrace() {
    startRun("r0");
    StoreStats before = store.stats();
    Write.UpsertSearchAttributes unknown =
        upsert("nope", Map.of("A", SearchAttributeValue.ofInt(1)));

    CommitResult.Conflict conflict =
        commitConflict(
            run("r1").insert(),
            upsert("r1", Map.of("A", SearchAttributeValue.ofInt(1))),
            new Write.SetMemo("r1", bytes("memo")),
            upsert("r0", Map.of("B", SearchAttributeValue.ofInt(2))),
            new Write.SetMemo("r0", bytes("memo")),
            unknown);

    assertThat(conflict.write()).isEqualTo(unknown);
    assertThat(conflict.reason()).contains("nope");
    assertThat(store.stats()).isEqualTo(before);
    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findMemo("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r0")).isEmpty();
    assertThat(store.findMemo("r0")).isEmpty();
    assertThat(store.findSearchAttributes("nope")).isEmpty();
  }

  @Test
  void aRemovalForAnUnknownRunConflictsToo() {
    Write.UpsertSearchAttributes removal =
        new Write.UpsertSearchAttributes("missing", Map.of(), Set.of("A"));

    CommitResult.Conflict conflict = commitConflict(removal);

    assertThat(conflict.write()).isEqualTo(removal);
  }

  @Test
  void anUpsertBeforeTheInsertOfItsRunInTheSameBatchConflicts() {
    Write.UpsertSearchAttributes early = upsert("r1", Map.of("A", SearchAttributeValue.ofInt(1)));

    CommitResult.Conflict conflict = commitConflict(early, run("r1").insert());

    assertThat(conflict.write()).isEqualTo(early);
    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r1")).isEmpty();
  }

  @Test
  void aConflictUndoesEarlierAttributeAndMemoChangesOfAnExistingRun() {
    commitOk(
        run("r1").insert(),
        upsert(
            "r1",
            Map.of("A", SearchAttributeValue.ofInt(1), "B", SearchAttributeValue.ofKeyword("b"))),
        new Write.SetMemo("r1", bytes("before")));
    Write.AppendEvents stale = new Write.AppendEvents("r1", 7, List.of(event(7, "stale")));

    CommitResult.Conflict conflict =
        commitConflict(
            upsert("r1", Map.of("A", SearchAttributeValue.ofInt(2))),
            new Write.UpsertSearchAttributes("r1", Map.of(), Set.of("B")),
            upsert("r1", Map.of("C", SearchAttributeValue.ofBool(true))),
            new Write.SetMemo("r1", bytes("after")),
            stale);

    assertThat(conflict.write()).isEqualTo(stale);
    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(
            Map.entry("A", SearchAttributeValue.ofInt(1)),
            Map.entry("B", SearchAttributeValue.ofKeyword("b")));
    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("before")));
    Map<String, SearchAttributeType> known = Map.of("A", SearchAttributeType.INT);
    assertThat(listIds(store, "A = 2", known)).isEmpty();
    assertThat(listIds(store, "A = 1", known)).containsExactly("r1");
  }

  @Test
  void aDuplicateInsertConflictKeepsTheFirstRunsAttributesAndMemo() {
    commitOk(
        run("r1").insert(),
        upsert("r1", Map.of("A", SearchAttributeValue.ofInt(1))),
        new Write.SetMemo("r1", bytes("first")));
    Write.InsertRun again = run("r1").workflowId("another").insert();

    CommitResult.Conflict conflict =
        commitConflict(
            again,
            upsert("r1", Map.of("A", SearchAttributeValue.ofInt(2))),
            new Write.SetMemo("r1", bytes("second")));

    assertThat(conflict.write()).isEqualTo(again);
    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(Map.entry("A", SearchAttributeValue.ofInt(1)));
    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("first")));
  }

  @Test
  void closingARunAndDeletingItsTasksKeepsItsAttributesAndMemo() {
    Map<String, SearchAttributeValue> values =
        Map.of(
            "Amount", SearchAttributeValue.ofInt(5),
            "CustomerId", SearchAttributeValue.ofKeyword("cust-a"));
    commitOk(
        run("r1").insert(),
        upsert("r1", values),
        new Write.SetMemo("r1", bytes("memo")),
        new Write.EnsureWorkflowTask("r1", QUEUE, T0),
        new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(60))));

    commitOk(
        new Write.CloseRun("r1", WorkflowStatus.COMPLETED, T0.plusSeconds(10)),
        new Write.DeleteRunTasks("r1"));

    assertThat(store.findWorkflowTask("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r1")).containsExactlyInAnyOrderEntriesOf(values);
    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("memo")));
    assertThat(listIds(store, "Amount = 5 AND ExecutionStatus = 'Completed'"))
        .containsExactly("r1");
    assertThat(listIds(store, "CloseTime = '2026-01-01T00:00:10Z' AND CustomerId = 'cust-a'"))
        .containsExactly("r1");
  }

  @Test
  void attributesAndMemoOfAClosedRunCanStillChange() {
    commitOk(
        run("r1").insert(),
        upsert("r1", Map.of("Amount", SearchAttributeValue.ofInt(5))),
        new Write.SetMemo("r1", bytes("before")));
    commitOk(new Write.CloseRun("r1", WorkflowStatus.FAILED, T0.plusSeconds(10)));

    commitOk(
        upsert("r1", Map.of("Amount", SearchAttributeValue.ofInt(6))),
        new Write.SetMemo("r1", bytes("after")));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(Map.entry("Amount", SearchAttributeValue.ofInt(6)));
    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("after")));
    assertThat(listIds(store, "Amount = 6 AND Status = 'Failed'")).containsExactly("r1");
  }
}
