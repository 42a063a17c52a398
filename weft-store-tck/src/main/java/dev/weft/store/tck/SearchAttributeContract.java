package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.VisibilityQueries.listIds;
import static dev.weft.store.tck.VisibilityQueries.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.SearchAttributeType;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins search attributes of a run: {@code findSearchAttributes} reads back every type exactly as
 * {@link Write.UpsertSearchAttributes} wrote it (extreme values included, datetimes to the
 * millisecond), in code point order of the names, which are exact and may hold any character but a
 * backquote. An upsert replaces values (also with one of another type), keeps the attributes it
 * does not name and removes by name (an absent name is a no-op); the writes of a batch apply in
 * order. Neither a new run nor an unknown one has attributes or a memo. The memo is pinned by
 * {@link MemoContract}; conflicts and a run's closing by {@link VisibilityAtomicityContract}.
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
}
