package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.NAMESPACE;
import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.event;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunField;
import dev.weft.store.RunFilter;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunOrder;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.RunStatus;
import dev.weft.store.SearchAttributeType;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.StoreStats;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins visibility: search attributes and the memo of a run, and {@code listRuns} / {@code
 * countRuns} with a {@link RunFilter} and an order.
 *
 * <p>Writes: {@link Write.UpsertSearchAttributes} stores every type and reads back in name order,
 * replaces values (also with another type), keeps the attributes it does not name, removes by name
 * (an absent name is a no-op), and conflicts for a run that does not exist, rolling its whole batch
 * back; {@link Write.SetMemo} replaces the memo whole and conflicts likewise. Both apply to runs in
 * any status; closing a run and deleting its tasks keeps both.
 *
 * <p>Filters, over the runs of {@link VisibilityData}: every operator on every attribute type and
 * built-in field, AND / OR / NOT with parentheses, and the simple conditions of {@link RunQuery}
 * too. As {@link RunFilter} documents, a predicate is false for a run without a value ({@code !=}
 * and {@code NOT IN} included), {@link RunFilter.IsNull} matches exactly those runs, and {@code
 * NOT} is the exact complement of what it negates. A filter only sees values stored with its type.
 *
 * <p>Orders: ascending and descending by attributes and built-in fields, runs without a value last
 * in either direction, ties broken by RunId descending unless the order names RunId; paging an
 * ordered listing visits every match once; default-order (keyset) pages are not shifted by runs
 * started between pages; a page token of another order is refused with {@link
 * IllegalArgumentException}; {@code countRuns} applies the filter and ignores order, page size and
 * token.
 */
public abstract class VisibilityContract extends StoreContract {
  private static final Map<String, SearchAttributeType> KNOWN = VisibilityData.KNOWN;

  // ---------------------------------------------------------------------------------------------
  // Search attributes

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
    assertThat(ids(list("a = 'v-a'", Map.of("a", SearchAttributeType.KEYWORD))))
        .containsExactly("r1");
    assertThat(ids(list("a = 'v-A'", Map.of("a", SearchAttributeType.KEYWORD)))).isEmpty();
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
    assertThat(ids(list("`Order Total` = 42 AND `it's: \"odd\" %_` = 'odd' AND ünï = true", known)))
        .containsExactly("r1");
    assertThat(ids(list("`Order Total` IS NULL ORDER BY `Order Total` DESC", known)))
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

    commitOk(new Write.UpsertSearchAttributes("r1", values));

    assertThat(store.findSearchAttributes("r1")).containsExactlyInAnyOrderEntriesOf(values);
    // -0.0 is kept as 0.0 (SearchAttributeValue normalizes it): it reads back and matches as 0
    assertThat(store.findSearchAttributes("r1").get("DoubleNegZero").value()).isEqualTo(0.0);
    assertThat(
            ids(
                list(
                    "DoubleNegZero = 0 AND DoubleNegZero >= 0",
                    Map.of("DoubleNegZero", SearchAttributeType.DOUBLE))))
        .containsExactly("r1");
    assertThat(
            ids(
                list(
                    "IntMax = 9223372036854775807 AND IntMin < -9223372036854775807",
                    Map.of("IntMax", SearchAttributeType.INT, "IntMin", SearchAttributeType.INT))))
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
    assertThat(ids(list("DueAt = '2026-03-01T12:00:00.123Z'"))).containsExactly("r1");
    assertThat(ids(list("DueAt > '2026-03-01T12:00:00.123Z'"))).isEmpty();
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
  void aRunWithoutAttributesAndAnUnknownRunHaveNone() {
    startRun("r1");

    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findSearchAttributes("missing")).isEmpty();
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
        upsert("missing", Map.of("A", SearchAttributeValue.ofInt(1)));

    CommitResult.Conflict conflict =
        commitConflict(
            run("r1").insert(),
            upsert("r1", Map.of("A", SearchAttributeValue.ofInt(1))),
            new Write.SetMemo("r1", bytes("memo")),
            upsert("r0", Map.of("B", SearchAttributeValue.ofInt(2))),
            new Write.SetMemo("r0", bytes("memo")),
            unknown);

    assertThat(conflict.write()).isEqualTo(unknown);
    assertThat(store.stats()).isEqualTo(before);
    assertThat(store.findRun("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findMemo("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r0")).isEmpty();
    assertThat(store.findMemo("r0")).isEmpty();
    assertThat(store.findSearchAttributes("missing")).isEmpty();
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
    assertThat(ids(list("A = 2", known))).isEmpty();
    assertThat(ids(list("A = 1", known))).containsExactly("r1");
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

  // ---------------------------------------------------------------------------------------------
  // Memo

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
  void aRunWithoutAMemoAndAnUnknownRunHaveNone() {
    startRun("r1");

    assertThat(store.findMemo("r1")).isEmpty();
    assertThat(store.findMemo("missing")).isEmpty();
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

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

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
    assertThat(ids(list("Amount = 5 AND ExecutionStatus = 'Completed'"))).containsExactly("r1");
    assertThat(ids(list("CloseTime = '2026-01-01T00:00:10Z' AND CustomerId = 'cust-a'")))
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
    assertThat(ids(list("Amount = 6 AND Status = 'Failed'"))).containsExactly("r1");
  }

  // ---------------------------------------------------------------------------------------------
  // Filters over the catalog of VisibilityData; expected runs newest first, "-" for none

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Amount = 100                     | r0
          Amount != 100                    | r6 r5 r3 r2 r1
          Amount <> 100                    | r6 r5 r3 r2 r1
          Amount < 50                      | r6 r5
          Amount <= 50                     | r6 r5 r2
          Amount > 250                     | r3
          Amount >= 250                    | r3 r1
          Amount < 0                       | r6
          Amount > -21                     | r6 r5 r3 r2 r1 r0
          Amount IN (0, 100, 7)            | r5 r0
          Amount NOT IN (0, 100)           | r6 r3 r2 r1
          Amount BETWEEN 0 AND 100         | r5 r2 r0
          Amount BETWEEN 100 AND 0         | -
          Amount IS NULL                   | r7 r4
          Amount IS NOT NULL               | r6 r5 r3 r2 r1 r0
          Amount > 0 AND Amount < 200      | r2 r0
          """)
  void intAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Score = 1.5                      | r6 r0
          Score != 1.5                     | r4 r3 r2 r1
          Score < 0                        | r2
          Score <= 0                       | r3 r2
          Score > 2.5                      | r4
          Score >= 2.5                     | r4 r1
          Score = 0                        | r3
          Score = -1                       | r2
          Score BETWEEN -1 AND 1.5         | r6 r3 r2 r0
          Score IN (2.5, 3.25, 7)          | r4 r1
          Score NOT IN (1.5)               | r4 r3 r2 r1
          Score IS NULL                    | r7 r5
          Score > 1e-3                     | r6 r4 r1 r0
          """)
  void doubleAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          DueAt = '2026-02-01'                                  | r0
          DueAt = '2026-02-01T00:00:00Z'                        | r0
          DueAt = '2026-02-01T01:00:00+01:00'                   | r0
          DueAt != '2026-02-01'                                 | r6 r4 r3 r2 r1
          DueAt < '2026-02-01'                                  | r6
          DueAt <= '2026-02-01'                                 | r6 r0
          DueAt > '2026-02-15'                                  | r3
          DueAt >= '2026-02-15'                                 | r4 r3
          DueAt > '2026-02-01T00:00:00.001Z'                    | r4 r3 r2 r1
          DueAt > '2026-01-31T23:59:59.999Z'                    | r4 r3 r2 r1 r0
          DueAt BETWEEN '2026-02-01' AND '2026-02-03'           | r2 r1 r0
          DueAt IN ('2026-01-15', '2026-03-01T00:00:00Z')       | r6 r3
          DueAt NOT IN ('2026-01-15', '2026-03-01')             | r4 r2 r1 r0
          DueAt IS NULL                                         | r7 r5
          """)
  void datetimeAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          CustomerId = 'cust-a'                          | r2 r0
          CustomerId = 'CUST-A'                          | -
          CustomerId = 'cust'                            | -
          CustomerId != 'cust-a'                         | r6 r4 r3 r1
          CustomerId < 'cust-b'                          | r6 r2 r0
          CustomerId <= 'cust-b'                         | r6 r4 r2 r1 r0
          CustomerId > 'cust-a'                          | r6 r4 r3 r1
          CustomerId >= 'cust-b'                         | r4 r3 r1
          CustomerId IN ('cust-a', 'cust-c')             | r3 r2 r0
          CustomerId NOT IN ('cust-a', 'cust-c')         | r6 r4 r1
          CustomerId BETWEEN 'cust-a2' AND 'cust-b'      | r6 r4 r1
          CustomerId STARTS_WITH 'cust-a'                | r6 r2 r0
          CustomerId STARTS_WITH 'cust-'                 | r6 r4 r3 r2 r1 r0
          CustomerId STARTS_WITH 'CUST'                  | -
          CustomerId STARTS_WITH 'ust'                   | -
          CustomerId STARTS_WITH ''                      | r6 r4 r3 r2 r1 r0
          CustomerId STARTS_WITH '%'                     | -
          CustomerId IS NULL                             | r7 r5
          CustomerId IS NOT NULL                         | r6 r4 r3 r2 r1 r0
          `CustomerId` = 'cust-c'                        | r3
          """)
  void keywordAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Notes = 'express'                | r3 r1
          Notes = 'REFUND'                 | r4 r2 r0
          Notes = 'wrap, ex'               | r3
          Notes = 'Refund requested by customer' | r0
          Notes = ''                       | r5 r4 r3 r2 r1 r0
          Notes != 'refund'                | r5 r3 r1
          Notes != ''                      | -
          Notes = '%'                      | r5
          Notes = '0% d'                   | r5
          Notes = '_'                      | -
          Notes = '\\\\'                   | -
          Notes STARTS_WITH 'refund'       | r2 r0
          Notes STARTS_WITH 'PARTIAL R'    | r4
          Notes STARTS_WITH '100%'         | r5
          Notes STARTS_WITH '%'            | -
          Notes STARTS_WITH '_'            | -
          Notes STARTS_WITH 'fund'         | -
          Notes IS NULL                    | r7 r6
          Notes IS NOT NULL                | r5 r4 r3 r2 r1 r0
          """)
  void textAttributesMatchContentIgnoringCase(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Vip = true                       | r5 r2 r0
          Vip = TRUE                       | r5 r2 r0
          Vip = false                      | r6 r3 r1
          Vip != true                      | r6 r3 r1
          Vip != false                     | r5 r2 r0
          Vip IN (true, false)             | r6 r5 r3 r2 r1 r0
          Vip IN (true)                    | r5 r2 r0
          Vip NOT IN (true)                | r6 r3 r1
          Vip IS NULL                      | r7 r4
          Vip IS NOT NULL                  | r6 r5 r3 r2 r1 r0
          """)
  void boolAttributes(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          WorkflowId = 'order-3'                                  | r3
          WorkflowId != 'order-3'                                 | r7 r6 r5 r4 r2 r1 r0
          WorkflowId STARTS_WITH 'order-'                         | r7 r6 r5 r4 r3 r2 r1 r0
          WorkflowId IN ('order-1', 'order-6', 'nope')            | r6 r1
          WorkflowId > 'order-5'                                  | r7 r6
          WorkflowId IS NULL                                      | -
          RunId IN ('r1', 'r2')                                   | r2 r1
          RunId BETWEEN 'r2' AND 'r4'                             | r4 r3 r2
          WorkflowType = 'Refund'                                 | r4 r2
          workflowtype = 'Refund'                                 | r4 r2
          WorkflowType != 'Order'                                 | r6 r4 r2
          WorkflowType STARTS_WITH 'Sub'                          | r6
          WorkflowType NOT IN ('Order', 'Refund')                 | r6
          TaskQueue = 'priority'                                  | r4 r3
          TaskQueue < 'p'                                         | r7 r6 r5 r2 r1 r0
          ExecutionStatus = 'Running'                             | r7 r6 r5 r3 r2
          Status = 'COMPLETED'                                    | r0
          ExecutionStatus != 'Running'                            | r4 r1 r0
          ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut') | r4 r1
          ExecutionStatus NOT IN ('Running', 'Completed')         | r4 r1
          ExecutionStatus IS NULL                                 | -
          StartTime = '2026-01-01T00:03:00Z'                      | r3
          StartTime >= '2026-01-01T00:05:00Z'                     | r7 r6 r5
          StartTime < '2026-01-01T00:02:00Z'                      | r1 r0
          StartTime BETWEEN '2026-01-01T00:02:00Z' AND '2026-01-01T00:04:00Z' | r4 r3 r2
          StartTime != '2026-01-01'                               | r7 r6 r5 r4 r3 r2 r1
          CloseTime IS NULL                                       | r7 r6 r5 r3 r2
          CloseTime IS NOT NULL                                   | r4 r1 r0
          CloseTime > '2026-01-01T00:30:00Z'                      | r1 r0
          CloseTime <= '2026-01-01T01:00:00Z'                     | r4 r0
          CloseTime = '2026-01-01T02:00:00Z'                      | r1
          CloseTime != '2026-01-01T01:00:00Z'                     | r4 r1
          CloseTime BETWEEN '2026-01-01T00:30:00Z' AND '2026-01-01T01:00:00Z' | r4 r0
          CloseTime IN ('2026-01-01T00:30:00Z')                   | r4
          """)
  void builtInFields(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          WorkflowType = 'Order' AND Amount > 50                                     | r3 r1 r0
          WorkflowType = 'Refund' OR Amount < 0                                      | r6 r4 r2
          WorkflowType = 'Refund' OR WorkflowType = 'Subscription' AND Amount > 0    | r4 r2
          (WorkflowType = 'Refund' OR WorkflowType = 'Subscription') AND Amount > 0  | r2
          (WorkflowType = 'Refund' OR WorkflowType = 'Subscription') AND Amount < 0  | r6
          NOT (WorkflowType = 'Order')                                               | r6 r4 r2
          NOT WorkflowType = 'Order' AND TaskQueue = 'main'                          | r6 r2
          NOT (WorkflowType = 'Order' AND TaskQueue = 'main')                        | r6 r4 r3 r2
          NOT (CustomerId = 'cust-a' OR Amount > 200)                                | r7 r6 r5 r4
          NOT (Amount > 0 AND Score > 0)                                             | r7 r6 r5 r4 r3 r2
          NOT (Amount > 0 OR NOT Vip = true)                                         | r5
          NOT NOT CustomerId = 'cust-a'                                              | r2 r0
          Amount > 0 AND NOT (Vip = true)                                            | r3 r1
          ExecutionStatus = 'Running' AND (CustomerId STARTS_WITH 'cust-a' OR Notes = 'express') | r6 r3 r2
          ((Amount >= 100 OR Score >= 3) AND (TaskQueue = 'main' OR Vip = false))    | r3 r1 r0
          Amount > 100 or Vip = TRUE                                                 | r5 r3 r2 r1 r0
          Amount > 100 aNd Vip = false                                               | r3 r1
          Amount = 100 OR Amount = 250 OR Amount = 999 OR Amount IS NULL             | r7 r4 r3 r1 r0
          """)
  void andOrNotWithParentheses(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  /**
   * What {@link RunFilter} documents for runs without a value: every predicate is false for them,
   * {@code !=} and {@code NOT IN} included, while {@code NOT} of a predicate is its exact
   * complement and so matches them.
   */
  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          CustomerId != 'cust-a'                       | r6 r4 r3 r1
          NOT CustomerId = 'cust-a'                    | r7 r6 r5 r4 r3 r1
          NOT CustomerId != 'cust-a'                   | r7 r5 r2 r0
          CustomerId NOT IN ('cust-a')                 | r6 r4 r3 r1
          NOT CustomerId IN ('cust-a')                 | r7 r6 r5 r4 r3 r1
          NOT CustomerId NOT IN ('cust-a')             | r7 r5 r2 r0
          NOT CustomerId STARTS_WITH 'cust-a'          | r7 r5 r4 r3 r1
          NOT Amount BETWEEN 0 AND 100                 | r7 r6 r4 r3 r1
          NOT Amount > 0                               | r7 r6 r5 r4
          NOT Amount IS NULL                           | r6 r5 r3 r2 r1 r0
          NOT Amount IS NOT NULL                       | r7 r4
          Vip != true                                  | r6 r3 r1
          NOT Vip = true                               | r7 r6 r4 r3 r1
          Notes != 'refund'                            | r5 r3 r1
          NOT Notes = 'refund'                         | r7 r6 r5 r3 r1
          NOT Notes STARTS_WITH 'refund'               | r7 r6 r5 r4 r3 r1
          DueAt != '2026-02-01'                        | r6 r4 r3 r2 r1
          NOT DueAt = '2026-02-01'                     | r7 r6 r5 r4 r3 r2 r1
          Score != 1.5 OR Score = 1.5                  | r6 r4 r3 r2 r1 r0
          NOT (Score != 1.5 OR Score = 1.5)            | r7 r5
          CloseTime != '2026-01-01T01:00:00Z'          | r4 r1
          NOT CloseTime = '2026-01-01T01:00:00Z'       | r7 r6 r5 r4 r3 r2 r1
          """)
  void runsWithoutAValue(String query, String expected) {
    assertCatalogMatches(query, expected);
  }

  @Test
  void aBlankQueryMatchesEveryRun() {
    givenCatalog();

    RunQuery blank = query("", 100);

    assertThat(blank.filter()).isNull();
    assertThat(ids(store.listRuns(blank)))
        .containsExactly("r7", "r6", "r5", "r4", "r3", "r2", "r1", "r0");
    assertThat(store.countRuns(blank)).isEqualTo(8);
  }

  @Test
  void theFilterCombinesWithTheSimpleConditionsOfTheQuery() {
    givenCatalog();

    RunQuery running =
        new RunQuery(NAMESPACE, RunStatus.RUNNING, null, null, 100, null)
            .withFilter(RunFilterParser.parse("Amount >= 0", KNOWN));
    RunQuery orders =
        new RunQuery(NAMESPACE, null, "Order", null, 100, null)
            .withFilter(RunFilterParser.parse("Vip = true ORDER BY Amount DESC", KNOWN));
    RunQuery byId =
        new RunQuery(NAMESPACE, null, null, "order-2", 100, null)
            .withFilter(RunFilterParser.parse("CustomerId = 'cust-a'", KNOWN));
    RunQuery none =
        new RunQuery(NAMESPACE, RunStatus.COMPLETED, "Order", null, 100, null)
            .withFilter(RunFilterParser.parse("NOT Vip = true", KNOWN));

    assertThat(ids(store.listRuns(running))).containsExactly("r5", "r3", "r2");
    assertThat(store.countRuns(running)).isEqualTo(3);
    assertThat(ids(store.listRuns(orders))).containsExactly("r0", "r5");
    assertThat(store.countRuns(orders)).isEqualTo(2);
    assertThat(ids(store.listRuns(byId))).containsExactly("r2");
    assertThat(store.countRuns(byId)).isEqualTo(1);
    assertThat(ids(store.listRuns(none))).isEmpty();
    assertThat(store.countRuns(none)).isZero();
  }

  @Test
  void aFilterIsScopedToTheNamespace() {
    givenCatalog();
    commitOk(
        run("x1").namespace("other").startTime(T0.plusSeconds(3600)).insert(),
        upsert("x1", Map.of("Amount", SearchAttributeValue.ofInt(100))));

    RunQuery elsewhere =
        new RunQuery("other", 100).withFilter(RunFilterParser.parse("Amount = 100", KNOWN));

    assertThat(ids(list("Amount = 100"))).containsExactly("r0");
    assertThat(store.countRuns(query("Amount = 100", 100))).isEqualTo(1);
    assertThat(ids(store.listRuns(elsewhere))).containsExactly("x1");
    assertThat(store.countRuns(elsewhere)).isEqualTo(1);
  }

  @Test
  void aFilterOnlySeesValuesOfItsType() {
    givenCatalog();
    commitOk(upsert("r4", Map.of("CustomerId", SearchAttributeValue.ofInt(7))));
    Map<String, SearchAttributeType> customerIdAsInt =
        Map.of("CustomerId", SearchAttributeType.INT);

    assertThat(ids(list("CustomerId = 'cust-b'"))).containsExactly("r1");
    assertThat(ids(list("CustomerId IS NULL"))).containsExactly("r7", "r5", "r4");
    assertThat(ids(list("NOT CustomerId STARTS_WITH 'cust'"))).containsExactly("r7", "r5", "r4");
    assertThat(ids(list("CustomerId = 7", customerIdAsInt))).containsExactly("r4");
    assertThat(ids(list("CustomerId IS NOT NULL", customerIdAsInt))).containsExactly("r4");
    assertThat(ids(list("Amount = '100'", Map.of("Amount", SearchAttributeType.KEYWORD))))
        .isEmpty();
    assertThat(ids(list("Amount = 100", Map.of("Amount", SearchAttributeType.DOUBLE)))).isEmpty();
    assertThat(store.findSearchAttributes("r4").get("CustomerId"))
        .isEqualTo(SearchAttributeValue.ofInt(7));
    assertThat(ids(list("ORDER BY CustomerId DESC")))
        .containsExactly("r3", "r1", "r6", "r2", "r0", "r7", "r5", "r4");
  }

  @Test
  void aFilterBuiltWithoutTheParserWorksTheSame() {
    givenCatalog();
    RunField amount = RunField.attribute("Amount", SearchAttributeType.INT);
    RunField customer = RunField.attribute("CustomerId", SearchAttributeType.KEYWORD);
    RunFilter filter =
        RunFilter.or(
            RunFilter.and(
                new RunFilter.Comparison(RunField.BuiltIn.WORKFLOW_TYPE, RunFilter.Op.EQ, "Order"),
                new RunFilter.Comparison(amount, RunFilter.Op.GT, 100L)),
            new RunFilter.Not(new RunFilter.In(customer, List.of("cust-a", "cust-b"), false)));
    RunQuery query =
        new RunQuery(NAMESPACE, 100)
            .withFilter(
                filter, List.of(RunOrder.asc(amount), RunOrder.desc(RunField.BuiltIn.START_TIME)));

    // matches: r1 (Order, 250), r3 (Order, 999), and the runs whose CustomerId is neither
    // cust-a nor cust-b, missing included: r3, r5, r6, r7
    assertThat(ids(store.listRuns(query))).containsExactly("r6", "r5", "r1", "r3", "r7");
    assertThat(store.countRuns(query)).isEqualTo(5);
  }

  @Test
  void keywordsCompareAndSortInCodePointOrder() {
    Map<String, SearchAttributeType> known = Map.of("Key", SearchAttributeType.KEYWORD);
    // code point order; UTF-16 order would put U+1F600 (a surrogate pair) before U+FFFD
    List<String> values = List.of("B", "a", "é", "\uFFFD", "\uD83D\uDE00");
    for (int i = 0; i < values.size(); i++) {
      commitOk(
          run("u" + i).startTime(T0.plusSeconds(60L * i)).insert(),
          upsert("u" + i, Map.of("Key", SearchAttributeValue.ofKeyword(values.get(i)))));
    }

    assertThat(ids(list("ORDER BY Key ASC", known))).containsExactly("u0", "u1", "u2", "u3", "u4");
    assertThat(ids(list("ORDER BY Key DESC", known))).containsExactly("u4", "u3", "u2", "u1", "u0");
    assertThat(ids(list("Key > '\uFFFD'", known))).containsExactly("u4");
    assertThat(ids(list("Key < 'a'", known))).containsExactly("u0");
    assertThat(ids(list("Key BETWEEN 'a' AND '\uFFFD'", known))).containsExactly("u3", "u2", "u1");
    assertThat(ids(list("Key STARTS_WITH '\uD83D\uDE00'", known))).containsExactly("u4");
    assertThat(ids(list("Key STARTS_WITH '\uFFFD'", known))).containsExactly("u3");
  }

  @Test
  void keywordPrefixesEndingWithTheLastCodePointMatchExactly() {
    Map<String, SearchAttributeType> known = Map.of("Key", SearchAttributeType.KEYWORD);
    String last = new String(Character.toChars(Character.MAX_CODE_POINT));
    List<String> values = List.of("x" + last, "x" + last + "y", "x", "y", "x\uFFFF");
    for (int i = 0; i < values.size(); i++) {
      commitOk(
          run("u" + i).startTime(T0.plusSeconds(60L * i)).insert(),
          upsert("u" + i, Map.of("Key", SearchAttributeValue.ofKeyword(values.get(i)))));
    }

    assertThat(ids(list("Key STARTS_WITH 'x" + last + "'", known))).containsExactly("u1", "u0");
    assertThat(ids(list("Key STARTS_WITH 'x'", known))).containsExactly("u4", "u2", "u1", "u0");
    assertThat(ids(list("Key STARTS_WITH 'x\uFFFF'", known))).containsExactly("u4");
  }

  // ---------------------------------------------------------------------------------------------
  // Orders and paging

  @ParameterizedTest(name = "{0}  ->  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ORDER BY Amount                                  | r6 r5 r2 r0 r1 r3 r7 r4
          ORDER BY Amount ASC                              | r6 r5 r2 r0 r1 r3 r7 r4
          ORDER BY Amount DESC                             | r3 r1 r0 r2 r5 r6 r7 r4
          ORDER BY Score ASC                               | r2 r3 r6 r0 r1 r4 r7 r5
          ORDER BY Score DESC                              | r4 r1 r6 r0 r3 r2 r7 r5
          ORDER BY DueAt ASC                               | r6 r0 r1 r2 r4 r3 r7 r5
          ORDER BY DueAt DESC                              | r3 r4 r2 r1 r0 r6 r7 r5
          ORDER BY CustomerId ASC                          | r2 r0 r6 r4 r1 r3 r7 r5
          ORDER BY CustomerId DESC                         | r3 r4 r1 r6 r2 r0 r7 r5
          ORDER BY Vip ASC                                 | r6 r3 r1 r5 r2 r0 r7 r4
          ORDER BY Vip DESC                                | r5 r2 r0 r6 r3 r1 r7 r4
          ORDER BY Vip DESC, Amount ASC                    | r5 r2 r0 r6 r1 r3 r7 r4
          ORDER BY CustomerId ASC, RunId ASC               | r0 r2 r6 r1 r4 r3 r5 r7
          ORDER BY CloseTime ASC                           | r4 r0 r1 r7 r6 r5 r3 r2
          ORDER BY CloseTime DESC                          | r1 r0 r4 r7 r6 r5 r3 r2
          ORDER BY StartTime ASC                           | r0 r1 r2 r3 r4 r5 r6 r7
          ORDER BY StartTime DESC                          | r7 r6 r5 r4 r3 r2 r1 r0
          ORDER BY RunId ASC                               | r0 r1 r2 r3 r4 r5 r6 r7
          ORDER BY WorkflowId DESC                         | r7 r6 r5 r4 r3 r2 r1 r0
          ORDER BY WorkflowType ASC                        | r7 r5 r3 r1 r0 r4 r2 r6
          ORDER BY WorkflowType ASC, RunId ASC             | r0 r1 r3 r5 r7 r2 r4 r6
          ORDER BY TaskQueue DESC, StartTime ASC           | r3 r4 r0 r1 r2 r5 r6 r7
          Amount > 0 ORDER BY Amount DESC                  | r3 r1 r0 r2
          Score >= 1.5 ORDER BY Amount                     | r6 r0 r1 r4
          Amount > 0 AND Amount < 200 ORDER BY Amount DESC | r0 r2
          CloseTime IS NULL ORDER BY CloseTime DESC        | r7 r6 r5 r3 r2
          """)
  void ordersWithRunsWithoutAValueLastAndTiesByRunId(String query, String expected) {
    givenCatalog();
    List<String> want = runIds(expected);

    assertThat(ids(store.listRuns(query(query, 100)))).as(query).containsExactlyElementsOf(want);
    assertThat(ids(listAll(query(query, 3)))).as("by 3: " + query).containsExactlyElementsOf(want);
    assertThat(ids(listAll(query(query, 1)))).as("by 1: " + query).containsExactlyElementsOf(want);
    assertThat(store.countRuns(query(query, 1))).as("count: " + query).isEqualTo(want.size());
  }

  @Test
  void pagingAnOrderedListingWithManyTiesAndMissingValuesVisitsEveryMatchOnce() {
    List<RunRecord> runs = new ArrayList<>();
    Map<String, Long> ranks = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      String runId = String.format("p%02d", i);
      RunRecord record = run(runId).startTime(T0.plusSeconds(60L * (i % 7))).build();
      Batch.Builder batch = Batch.builder().add(new Write.InsertRun(record, Set.of()));
      if (i % 4 != 0) {
        long rank = i % 5;
        ranks.put(runId, rank);
        batch.add(upsert(runId, Map.of("Rank", SearchAttributeValue.ofInt(rank))));
      }
      commitOk(batch.build());
      runs.add(record);
    }
    Map<String, SearchAttributeType> known = Map.of("Rank", SearchAttributeType.INT);
    Comparator<String> byRankDescMissingLastThenRunIdDesc =
        Comparator.<String, Boolean>comparing(id -> !ranks.containsKey(id))
            .thenComparing(id -> ranks.getOrDefault(id, 0L), Comparator.reverseOrder())
            .thenComparing(Comparator.<String>reverseOrder());
    List<String> expected =
        runs.stream()
            .map(RunRecord::runId)
            .filter(id -> !ranks.containsKey(id) || ranks.get(id) != 2)
            .sorted(byRankDescMissingLastThenRunIdDesc)
            .toList();
    RunQuery ordered =
        new RunQuery(NAMESPACE, 4)
            .withFilter(RunFilterParser.parse("NOT Rank = 2 ORDER BY Rank DESC", known));

    List<RunRecord> paged = listAll(ordered);

    assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    assertThat(store.countRuns(ordered)).isEqualTo(expected.size());

    // the same filter in the default order, with keyset pages: newest first, ties by RunId DESC
    List<String> newestFirst =
        runs.stream()
            .sorted(
                Comparator.comparing(RunRecord::startTime)
                    .thenComparing(RunRecord::runId)
                    .reversed())
            .map(RunRecord::runId)
            .filter(expected::contains)
            .toList();
    RunQuery byDefault =
        new RunQuery(NAMESPACE, 4).withFilter(RunFilterParser.parse("NOT Rank = 2", known));
    assertThat(ids(listAll(byDefault))).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void defaultOrderPagesAreNotShiftedByRunsStartedBetweenPages() {
    givenCatalog();
    RunQuery query = query("", 3);

    RunPage first = store.listRuns(query);
    commitOk(run("r8").startTime(T0.plusSeconds(600)).insert());
    commitOk(run("r5a").startTime(T0.plusSeconds(300)).insert());
    RunPage second = store.listRuns(query.withPageToken(first.nextPageToken()));
    commitOk(run("r9").startTime(T0.plusSeconds(900)).insert());
    commitOk(run("older").startTime(T0.minusSeconds(60)).insert());
    RunPage third = store.listRuns(query.withPageToken(second.nextPageToken()));

    assertThat(ids(first)).containsExactly("r7", "r6", "r5");
    assertThat(ids(second)).containsExactly("r4", "r3", "r2");
    assertThat(ids(third)).containsExactly("r1", "r0", "older");
    assertThat(third.nextPageToken()).isNull();
  }

  @Test
  void defaultOrderPagesOfAFilteredListingAreNotShiftedEither() {
    givenCatalog();
    RunQuery query = query("Amount IS NOT NULL", 2);

    RunPage first = store.listRuns(query);
    commitOk(
        run("r8").startTime(T0.plusSeconds(600)).insert(),
        upsert("r8", Map.of("Amount", SearchAttributeValue.ofInt(1))));
    RunPage second = store.listRuns(query.withPageToken(first.nextPageToken()));
    RunPage third = store.listRuns(query.withPageToken(second.nextPageToken()));

    assertThat(ids(first)).containsExactly("r6", "r5");
    assertThat(ids(second)).containsExactly("r3", "r2");
    assertThat(ids(third)).containsExactly("r1", "r0");
    assertThat(third.nextPageToken()).isNull();
  }

  @Test
  void startTimeDescendingIsTheDefaultOrderWithTheSamePages() {
    givenCatalog();
    RunQuery byDefault = query("", 3);
    RunQuery explicit = query("ORDER BY StartTime DESC", 3);
    RunQuery explicitWithRunId = query("ORDER BY StartTime DESC, RunId DESC", 3);

    RunPage first = store.listRuns(byDefault);
    RunPage explicitFirst = store.listRuns(explicit);

    assertThat(explicitFirst).isEqualTo(first);
    assertThat(store.listRuns(explicitWithRunId)).isEqualTo(first);
    assertThat(ids(store.listRuns(explicit.withPageToken(first.nextPageToken()))))
        .containsExactly("r4", "r3", "r2");
    assertThat(ids(store.listRuns(byDefault.withPageToken(explicitFirst.nextPageToken()))))
        .containsExactly("r4", "r3", "r2");
  }

  @Test
  void theLastPageOfAnOrderedListingHasNoToken() {
    givenCatalog();
    RunQuery query = query("Amount >= 0 ORDER BY Amount DESC", 5);

    RunPage page = store.listRuns(query);
    RunPage exactFit = store.listRuns(query("Amount >= 0 ORDER BY Amount DESC", 4));
    RunPage empty = store.listRuns(query("Amount > 10000 ORDER BY Amount DESC", 5));

    assertThat(ids(page)).containsExactly("r3", "r1", "r0", "r2", "r5");
    assertThat(page.nextPageToken()).isNull();
    assertThat(exactFit.runs()).hasSize(4);
    assertThat(exactFit.nextPageToken()).isNotNull();
    RunPage last =
        store.listRuns(
            query("Amount >= 0 ORDER BY Amount DESC", 4).withPageToken(exactFit.nextPageToken()));
    assertThat(ids(last)).containsExactly("r5");
    assertThat(last.nextPageToken()).isNull();
    assertThat(empty.runs()).isEmpty();
    assertThat(empty.nextPageToken()).isNull();
  }

  @Test
  void aPageTokenOfAnotherOrderIsRefused() {
    givenCatalog();
    String newestFirst = store.listRuns(query("", 2)).nextPageToken();
    String amountAscending = store.listRuns(query("ORDER BY Amount ASC", 2)).nextPageToken();
    String startAscending = store.listRuns(query("ORDER BY StartTime ASC", 2)).nextPageToken();

    assertRefused(query("ORDER BY Amount ASC", 2), newestFirst);
    assertRefused(query("", 2), amountAscending);
    assertRefused(query("ORDER BY Amount DESC", 2), amountAscending);
    assertRefused(query("ORDER BY Score ASC", 2), amountAscending);
    assertRefused(query("ORDER BY Amount ASC, Score ASC", 2), amountAscending);
    assertRefused(query("ORDER BY StartTime ASC", 2), amountAscending);
    assertRefused(query("ORDER BY Amount ASC", 2), startAscending);
    assertRefused(query("", 2), startAscending);
    assertRefused(query("", 2), "not a token");
    assertRefused(query("ORDER BY Amount ASC", 2), "not a token");
    // the token of the same order is accepted
    assertThat(ids(store.listRuns(query("ORDER BY Amount ASC", 2).withPageToken(amountAscending))))
        .containsExactly("r2", "r0");
  }

  @Test
  void countAppliesTheFilterAndIgnoresOrderPageSizeAndToken() {
    givenCatalog();
    RunQuery ordered = query("Amount >= 0 ORDER BY Amount DESC", 2);
    RunQuery newestFirst = query("Amount >= 0", 2);
    String offsetToken = store.listRuns(ordered).nextPageToken();
    String keysetToken = store.listRuns(newestFirst).nextPageToken();

    assertThat(store.countRuns(ordered)).isEqualTo(5);
    assertThat(store.countRuns(ordered.withPageToken(offsetToken))).isEqualTo(5);
    assertThat(store.countRuns(newestFirst.withPageToken(keysetToken))).isEqualTo(5);
    assertThat(store.countRuns(query("Amount >= 0 ORDER BY Score", 1))).isEqualTo(5);
    assertThat(
            store.countRuns(query("Amount >= 0 ORDER BY Amount", 1).withPageToken("not a token")))
        .isEqualTo(5);
    assertThat(store.countRuns(query("ORDER BY Amount", 1))).isEqualTo(8);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Creates the runs of {@link VisibilityData}, in one batch. */
  private void givenCatalog() {
    Batch.Builder all = Batch.builder();
    for (Batch batch : VisibilityData.catalog()) {
      all.addAll(batch.writes());
    }
    commitOk(all.build());
  }

  private void assertCatalogMatches(String query, String expected) {
    givenCatalog();
    List<String> want = runIds(expected);
    RunQuery q = query(query, 100);

    assertThat(ids(store.listRuns(q))).as(query).containsExactlyElementsOf(want);
    assertThat(store.countRuns(q)).as("count of " + query).isEqualTo(want.size());
  }

  private void assertRefused(RunQuery query, String token) {
    assertThatThrownBy(() -> store.listRuns(query.withPageToken(token)))
        .as("token %s for order %s", token, query.orderBy())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<RunRecord> listAll(RunQuery first) {
    List<RunRecord> all = new ArrayList<>();
    RunQuery query = first;
    for (int pages = 0; pages < 1000; pages++) {
      RunPage page = store.listRuns(query);
      assertThat(page.runs()).hasSizeLessThanOrEqualTo(first.pageSize());
      all.addAll(page.runs());
      if (page.nextPageToken() == null) {
        return all;
      }
      query = query.withPageToken(page.nextPageToken());
    }
    throw new AssertionError("paging did not end after 1000 pages");
  }

  private List<RunRecord> list(String query) {
    return list(query, KNOWN);
  }

  private List<RunRecord> list(String query, Map<String, SearchAttributeType> known) {
    return store
        .listRuns(new RunQuery(NAMESPACE, 100).withFilter(RunFilterParser.parse(query, known)))
        .runs();
  }

  private static RunQuery query(String query, int pageSize) {
    return new RunQuery(NAMESPACE, pageSize).withFilter(RunFilterParser.parse(query, KNOWN));
  }

  private static Write.UpsertSearchAttributes upsert(
      String runId, Map<String, SearchAttributeValue> values) {
    return new Write.UpsertSearchAttributes(runId, values);
  }

  private static List<String> runIds(String expected) {
    String trimmed = expected == null ? "-" : expected.trim();
    return trimmed.equals("-") ? List.of() : List.of(trimmed.split("\\s+"));
  }

  private static List<String> ids(RunPage page) {
    return ids(page.runs());
  }

  private static List<String> ids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::runId).toList();
  }
}
