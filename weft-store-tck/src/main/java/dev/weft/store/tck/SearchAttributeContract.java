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

import dev.weft.store.CommitResult;
import dev.weft.store.RunStatus;
import dev.weft.store.SearchAttributeType;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.StoreStats;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins search attributes and the memo of a run: {@code findSearchAttributes} reads back every type
 * exactly as {@link Write.UpsertSearchAttributes} wrote it (extreme values included, datetimes to
 * the millisecond), in code point order of the names, which are exact and may hold any character
 * but a backquote. An upsert replaces values (also with one of another type), keeps the attributes
 * it does not name and removes by name (an absent name is a no-op); the writes of a batch apply in
 * order. {@link Write.SetMemo} replaces the memo whole with opaque bytes, kept apart from the run
 * record. Neither a new run nor an unknown one has attributes or a memo.
 *
 * <p>Both writes conflict for a run that does not exist, also one the batch inserts only after
 * them, and roll their whole batch back; any conflict of a batch undoes its attribute and memo
 * changes, and a duplicate insert leaves the first run's intact. Closing a run and deleting its
 * tasks keep both, and both can still change after the run closed.
 */
public abstract class SearchAttributeContract extends StoreContract {

  @Test
  void aNewRunHasNoAttributesAndNoMemo() {
    startRun("r1");

    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findMemo("r1")).isEmpty();
    assertThat(store.findSearchAttributes("unknown")).isEmpty();
    assertThat(store.findMemo("unknown")).isEmpty();
  }

  @Test
  void attributesOfEveryTypeGivenWithTheInsertReadBackInNameOrder() {
    Map<String, SearchAttributeValue> values = new LinkedHashMap<>();
    values.put("Vip", SearchAttributeValue.ofBool(true));
    values.put("Notes", SearchAttributeValue.ofText("Gift wrap,\nplease — ünïcødé 𝄞"));
    values.put("Amount", SearchAttributeValue.ofInt(1250));
    values.put("DueAt", SearchAttributeValue.ofDatetime(Instant.parse("2026-02-01T10:15:30.250Z")));
    values.put("CustomerId", SearchAttributeValue.ofKeyword("cust-42"));
    values.put("Score", SearchAttributeValue.ofDouble(-0.125));
    values.put("Flag", SearchAttributeValue.ofBool(false));

    commitOk(run("r1").insert(), new Write.UpsertSearchAttributes("r1", values));

    Map<String, SearchAttributeValue> found = store.findSearchAttributes("r1");
    assertThat(found).containsExactlyInAnyOrderEntriesOf(values);
    assertThat(found.keySet())
        .containsExactly("Amount", "CustomerId", "DueAt", "Flag", "Notes", "Score", "Vip");
    assertThat(found.get("DueAt").type()).isEqualTo(SearchAttributeType.DATETIME);
    assertThat(found.get("Notes").type()).isEqualTo(SearchAttributeType.TEXT);
    assertThat(found.get("CustomerId").type()).isEqualTo(SearchAttributeType.KEYWORD);
    assertThat(storedRun("r1")).isEqualTo(run("r1").build());
  }

  @Test
  void namesAreExactAndSortInCodePointOrder() {
    startRun("r1");
    Map<String, SearchAttributeValue> values = new LinkedHashMap<>();
    for (String name : List.of("b", "_x", "B", "a", "Z9", "A", "é")) {
      values.put(name, SearchAttributeValue.ofKeyword("v-" + name));
    }

    commitOk(new Write.UpsertSearchAttributes("r1", values));

    assertThat(store.findSearchAttributes("r1").keySet())
        .containsExactly("A", "B", "Z9", "_x", "a", "b", "é");
    assertThat(store.findSearchAttributes("r1").get("a"))
        .isEqualTo(SearchAttributeValue.ofKeyword("v-a"));
    assertThat(store.findSearchAttributes("r1").get("A"))
        .isEqualTo(SearchAttributeValue.ofKeyword("v-A"));
    assertThat(listIds(store, "a = 'v-a'", Map.of("a", SearchAttributeType.KEYWORD)))
        .containsExactly("r1");
    assertThat(listIds(store, "a = 'v-A'", Map.of("a", SearchAttributeType.KEYWORD))).isEmpty();
  }

  @Test
  void namesMayHoldAnyCharacterButABackquote() {
    Map<String, SearchAttributeValue> values =
        Map.of(
            "Order Total", SearchAttributeValue.ofInt(42),
            "it's: \"odd\" %_", SearchAttributeValue.ofKeyword("odd"),
            "ünï", SearchAttributeValue.ofBool(true));
    commitOk(run("r1").insert(), upsert("r1", values));
    startRun("r2");
    Map<String, SearchAttributeType> known =
        Map.of(
            "Order Total", SearchAttributeType.INT,
            "it's: \"odd\" %_", SearchAttributeType.KEYWORD,
            "ünï", SearchAttributeType.BOOL);

    assertThat(store.findSearchAttributes("r1")).containsExactlyInAnyOrderEntriesOf(values);
    assertThat(
            listIds(
                store, "`Order Total` = 42 AND `it's: \"odd\" %_` = 'odd' AND ünï = true", known))
        .containsExactly("r1");
    assertThat(listIds(store, "`Order Total` IS NULL ORDER BY `Order Total` DESC", known))
        .containsExactly("r2");
  }

  @Test
  void extremeValuesReadBackExactly() {
    startRun("r1");
    Map<String, SearchAttributeValue> values = new LinkedHashMap<>();
    values.put("IntMax", SearchAttributeValue.ofInt(Long.MAX_VALUE));
    values.put("IntMin", SearchAttributeValue.ofInt(Long.MIN_VALUE));
    values.put("IntZero", SearchAttributeValue.ofInt(0));
    values.put("DoubleMax", SearchAttributeValue.ofDouble(Double.MAX_VALUE));
    values.put("DoubleTiny", SearchAttributeValue.ofDouble(-Double.MIN_VALUE));
    values.put("DoubleWhole", SearchAttributeValue.ofDouble(3.0));
    values.put("DoubleInf", SearchAttributeValue.ofDouble(Double.NEGATIVE_INFINITY));
    values.put("DoubleNegZero", SearchAttributeValue.ofDouble(-0.0));
    values.put(
        "TimeBefore1970",
        SearchAttributeValue.ofDatetime(Instant.parse("1969-07-20T20:17:40.001Z")));
    values.put(
        "TimeFar", SearchAttributeValue.ofDatetime(Instant.parse("9999-12-31T23:59:59.999Z")));
    values.put("EmptyKeyword", SearchAttributeValue.ofKeyword(""));
    values.put("Quoted", SearchAttributeValue.ofKeyword("it's \"quoted\" \\ 100% _"));
    values.put("Unicode", SearchAttributeValue.ofKeyword("ünïcødé ✓ 𝄞 'quoted'"));

    commitOk(new Write.UpsertSearchAttributes("r1", values));

    assertThat(store.findSearchAttributes("r1")).containsExactlyInAnyOrderEntriesOf(values);
    // -0.0 is kept as 0.0 (SearchAttributeValue normalizes it): it reads back and matches as 0
    assertThat(store.findSearchAttributes("r1").get("DoubleNegZero").value()).isEqualTo(0.0);
    assertThat(
            listIds(
                store,
                "DoubleNegZero = 0 AND DoubleNegZero >= 0",
                Map.of("DoubleNegZero", SearchAttributeType.DOUBLE)))
        .containsExactly("r1");
    assertThat(
            listIds(
                store,
                "IntMax = 9223372036854775807 AND IntMin < -9223372036854775807",
                Map.of("IntMax", SearchAttributeType.INT, "IntMin", SearchAttributeType.INT)))
        .containsExactly("r1");
  }

  @Test
  void datetimeValuesAreKeptToTheMillisecond() {
    startRun("r1");
    Instant precise = Instant.parse("2026-03-01T12:00:00.123456789Z");

    commitOk(
        new Write.UpsertSearchAttributes(
            "r1", Map.of("DueAt", SearchAttributeValue.ofDatetime(precise))));

    assertThat(store.findSearchAttributes("r1").get("DueAt").value())
        .isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
    assertThat(listIds(store, "DueAt = '2026-03-01T12:00:00.123Z'")).containsExactly("r1");
    assertThat(listIds(store, "DueAt > '2026-03-01T12:00:00.123Z'")).isEmpty();
  }

  @Test
  void aLaterUpsertAddsAndReplacesAndKeepsTheOthers() {
    commitOk(
        run("r1").insert(),
        upsert(
            "r1",
            Map.of(
                "CustomerId", SearchAttributeValue.ofKeyword("cust-a"),
                "Amount", SearchAttributeValue.ofInt(100),
                "Vip", SearchAttributeValue.ofBool(false))));

    commitOk(
        upsert(
            "r1",
            Map.of(
                "Amount", SearchAttributeValue.ofInt(250),
                "Score", SearchAttributeValue.ofDouble(2.5))));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(
            Map.entry("Amount", SearchAttributeValue.ofInt(250)),
            Map.entry("CustomerId", SearchAttributeValue.ofKeyword("cust-a")),
            Map.entry("Score", SearchAttributeValue.ofDouble(2.5)),
            Map.entry("Vip", SearchAttributeValue.ofBool(false)));
  }

  @Test
  void anUpsertReplacesAValueWithOneOfAnotherType() {
    commitOk(
        run("r1").insert(),
        upsert(
            "r1",
            Map.of(
                "Amount", SearchAttributeValue.ofInt(100),
                "CustomerId", SearchAttributeValue.ofKeyword("cust-a"))));

    commitOk(upsert("r1", Map.of("Amount", SearchAttributeValue.ofText("one hundred"))));
    commitOk(upsert("r1", Map.of("Amount", SearchAttributeValue.ofDouble(100.5))));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(
            Map.entry("Amount", SearchAttributeValue.ofDouble(100.5)),
            Map.entry("CustomerId", SearchAttributeValue.ofKeyword("cust-a")));
  }

  @Test
  void removalDeletesOnlyTheNamedAttributesAndMayComeWithValues() {
    commitOk(
        run("r1").insert(),
        upsert(
            "r1",
            Map.of(
                "A", SearchAttributeValue.ofInt(1),
                "B", SearchAttributeValue.ofKeyword("b"),
                "C", SearchAttributeValue.ofBool(true))));

    commitOk(
        new Write.UpsertSearchAttributes(
            "r1", Map.of("D", SearchAttributeValue.ofDouble(4.0)), Set.of("A", "C")));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(
            Map.entry("B", SearchAttributeValue.ofKeyword("b")),
            Map.entry("D", SearchAttributeValue.ofDouble(4.0)));

    commitOk(new Write.UpsertSearchAttributes("r1", Map.of(), Set.of("B", "D")));

    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findRun("r1")).isPresent();
  }

  @Test
  void removingAnAttributeTheRunDoesNotHaveIsANoOp() {
    commitOk(run("r1").insert(), upsert("r1", Map.of("A", SearchAttributeValue.ofInt(1))));
    startRun("r2");

    commitOk(new Write.UpsertSearchAttributes("r1", Map.of(), Set.of("Missing", "a")));
    commitOk(new Write.UpsertSearchAttributes("r2", Map.of(), Set.of("A")));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(Map.entry("A", SearchAttributeValue.ofInt(1)));
    assertThat(store.findSearchAttributes("r2")).isEmpty();
  }

  @Test
  void attributesBelongToTheirRun() {
    commitOk(
        run("r1").insert(),
        run("r2").insert(),
        upsert("r1", Map.of("A", SearchAttributeValue.ofKeyword("one"))),
        upsert("r2", Map.of("A", SearchAttributeValue.ofKeyword("two"))));

    commitOk(upsert("r1", Map.of("A", SearchAttributeValue.ofKeyword("uno"))));
    commitOk(new Write.UpsertSearchAttributes("r2", Map.of(), Set.of("A")));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(Map.entry("A", SearchAttributeValue.ofKeyword("uno")));
    assertThat(store.findSearchAttributes("r2")).isEmpty();
  }

  @Test
  void writesOfABatchApplyInOrder() {
    commitOk(
        run("r1").insert(),
        upsert(
            "r1", Map.of("A", SearchAttributeValue.ofInt(1), "B", SearchAttributeValue.ofInt(1))),
        upsert("r1", Map.of("A", SearchAttributeValue.ofInt(2))),
        new Write.UpsertSearchAttributes("r1", Map.of(), Set.of("B")),
        upsert("r1", Map.of("B", SearchAttributeValue.ofText("back"))),
        new Write.SetMemo("r1", bytes("first")),
        new Write.SetMemo("r1", bytes("second")));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(
            Map.entry("A", SearchAttributeValue.ofInt(2)),
            Map.entry("B", SearchAttributeValue.ofText("back")));
    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("second")));
  }

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
  void aMemoSetWithTheInsertIsFoundAndIsNotPartOfTheRunRecord() {
    commitOk(run("r1").insert(), new Write.SetMemo("r1", bytes("memo of r1")));

    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("memo of r1")));
    assertThat(storedRun("r1")).isEqualTo(run("r1").build());
  }

  @Test
  void setMemoReplacesThePreviousMemoWhole() {
    commitOk(run("r1").insert(), new Write.SetMemo("r1", bytes("a much longer first memo")));
    byte[] binary = {0, -1, 127, -128, 10, 0};

    commitOk(new Write.SetMemo("r1", binary));

    assertThat(store.findMemo("r1")).hasValueSatisfying(m -> assertThat(m).isEqualTo(binary));
  }

  @Test
  void anEmptyMemoIsAMemo() {
    commitOk(run("r1").insert(), new Write.SetMemo("r1", bytes("something")));

    commitOk(new Write.SetMemo("r1", new byte[0]));

    assertThat(store.findMemo("r1")).hasValueSatisfying(m -> assertThat(m).isEmpty());
  }

  @Test
  void memosBelongToTheirRun() {
    commitOk(
        run("r1").insert(),
        run("r2").insert(),
        new Write.SetMemo("r1", bytes("one")),
        new Write.SetMemo("r2", bytes("two")));

    commitOk(new Write.SetMemo("r1", bytes("uno")));

    assertThat(store.findMemo("r1")).hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("uno")));
    assertThat(store.findMemo("r2")).hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("two")));
  }

  @Test
  void setMemoForAnUnknownRunConflictsAndItsBatchLeavesNoTrace() {
    startRun("r0");
    StoreStats before = store.stats();
    Write.SetMemo unknown = new Write.SetMemo("missing", bytes("memo"));

    CommitResult.Conflict conflict =
        commitConflict(
            new Write.SetMemo("r0", bytes("changed")),
            upsert("r0", Map.of("A", SearchAttributeValue.ofInt(1))),
            run("r1").insert(),
            unknown);

    assertThat(conflict.write()).isEqualTo(unknown);
    assertThat(store.stats()).isEqualTo(before);
    assertThat(store.findMemo("r0")).isEmpty();
    assertThat(store.findSearchAttributes("r0")).isEmpty();
    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.findMemo("missing")).isEmpty();
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
        new Write.CloseRun("r1", RunStatus.COMPLETED, T0.plusSeconds(10)),
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
    commitOk(new Write.CloseRun("r1", RunStatus.FAILED, T0.plusSeconds(10)));

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
