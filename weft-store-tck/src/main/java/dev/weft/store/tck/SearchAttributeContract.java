package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.RunStatus;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins search attributes and the memo: every type reads back as written; an upsert sets some
 * attributes, keeps the others, replaces values (and types), and removes by name; attributes and
 * memo can be given in the batch that inserts the run and changed after it closed; both writes
 * conflict for an unknown run and roll their batch back; the memo is opaque bytes, replaced whole.
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
  void everyTypeReadsBackAsWrittenInNameOrder() {
    startRun("r1");
    Map<String, SearchAttributeValue> values = new LinkedHashMap<>();
    values.put("Keyword", SearchAttributeValue.ofKeyword("ünïcødé ✓ 𝄞 'quoted'"));
    values.put("Text", SearchAttributeValue.ofText("Some longer text, with punctuation!"));
    values.put("Int", SearchAttributeValue.ofInt(Long.MIN_VALUE));
    values.put("BigInt", SearchAttributeValue.ofInt(Long.MAX_VALUE));
    values.put("Double", SearchAttributeValue.ofDouble(-1234.5678e-3));
    values.put("True", SearchAttributeValue.ofBool(true));
    values.put("False", SearchAttributeValue.ofBool(false));
    values.put("Time", SearchAttributeValue.ofDatetime(Instant.parse("1969-07-20T20:17:40.123Z")));
    values.put("Empty", SearchAttributeValue.ofKeyword(""));

    commitOk(new Write.UpsertSearchAttributes("r1", values));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactlyInAnyOrderEntriesOf(values)
        .containsOnlyKeys(values.keySet());
    assertThat(store.findSearchAttributes("r1").keySet())
        .containsExactly(
            "BigInt", "Double", "Empty", "False", "Int", "Keyword", "Text", "Time", "True");
  }

  @Test
  void anUpsertKeepsOtherAttributesAndReplacesValues() {
    startRun("r1");
    commitOk(
        new Write.UpsertSearchAttributes(
            "r1",
            Map.of(
                "A", SearchAttributeValue.ofKeyword("a1"),
                "B", SearchAttributeValue.ofInt(1))));

    commitOk(
        new Write.UpsertSearchAttributes(
            "r1",
            Map.of(
                "B", SearchAttributeValue.ofInt(2),
                "C", SearchAttributeValue.ofBool(true))));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(
            Map.entry("A", SearchAttributeValue.ofKeyword("a1")),
            Map.entry("B", SearchAttributeValue.ofInt(2)),
            Map.entry("C", SearchAttributeValue.ofBool(true)));
  }

  @Test
  void aValueOfAnotherTypeReplacesTheOldOne() {
    startRun("r1");
    commitOk(new Write.UpsertSearchAttributes("r1", Map.of("A", SearchAttributeValue.ofInt(42))));

    commitOk(
        new Write.UpsertSearchAttributes("r1", Map.of("A", SearchAttributeValue.ofDouble(4.2))));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(Map.entry("A", SearchAttributeValue.ofDouble(4.2)));
  }

  @Test
  void removesByNameAndIgnoresNamesTheRunDoesNotHave() {
    startRun("r1");
    commitOk(
        new Write.UpsertSearchAttributes(
            "r1",
            Map.of(
                "A", SearchAttributeValue.ofKeyword("a"),
                "B", SearchAttributeValue.ofKeyword("b"))));

    commitOk(
        new Write.UpsertSearchAttributes(
            "r1", Map.of("C", SearchAttributeValue.ofKeyword("c")), Set.of("A", "Missing")));

    assertThat(store.findSearchAttributes("r1")).containsOnlyKeys("B", "C");
  }

  @Test
  void attributesOfOneRunAreItsOwn() {
    startRun("r1");
    startRun("r2");

    commitOk(
        new Write.UpsertSearchAttributes("r1", Map.of("A", SearchAttributeValue.ofKeyword("one"))));
    commitOk(
        new Write.UpsertSearchAttributes("r2", Map.of("A", SearchAttributeValue.ofKeyword("two"))));
    commitOk(new Write.UpsertSearchAttributes("r1", Map.of(), Set.of("A")));

    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findSearchAttributes("r2"))
        .containsExactly(Map.entry("A", SearchAttributeValue.ofKeyword("two")));
  }

  @Test
  void attributesAndMemoCanBeGivenWithTheRunsInsert() {
    commitOk(
        Batch.of(
            run("r1").insert(),
            new Write.UpsertSearchAttributes("r1", Map.of("A", SearchAttributeValue.ofInt(7))),
            new Write.SetMemo("r1", bytes("memo"))));

    assertThat(store.findSearchAttributes("r1"))
        .containsExactly(Map.entry("A", SearchAttributeValue.ofInt(7)));
    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("memo")));
  }

  @Test
  void aClosedRunCanStillBeChanged() {
    startRun("r1");
    commitOk(new Write.CloseRun("r1", RunStatus.COMPLETED, T0.plusSeconds(1)));

    commitOk(
        new Write.UpsertSearchAttributes("r1", Map.of("A", SearchAttributeValue.ofInt(1))),
        new Write.SetMemo("r1", bytes("after")));

    assertThat(store.findSearchAttributes("r1")).containsOnlyKeys("A");
    assertThat(store.findMemo("r1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("after")));
  }

  @Test
  void bothWritesConflictForAnUnknownRunAndRollTheirBatchBack() {
    startRun("r1");

    CommitResult.Conflict upsert =
        commitConflict(
            new Write.UpsertSearchAttributes("r1", Map.of("A", SearchAttributeValue.ofInt(1))),
            new Write.SetMemo("r1", bytes("m")),
            new Write.UpsertSearchAttributes("nope", Map.of("A", SearchAttributeValue.ofInt(1))));
    CommitResult.Conflict memo = commitConflict(new Write.SetMemo("nope", bytes("m")));

    assertThat(upsert.write().runId()).isEqualTo("nope");
    assertThat(upsert.reason()).contains("nope");
    assertThat(memo.write()).isInstanceOf(Write.SetMemo.class);
    assertThat(store.findSearchAttributes("r1")).isEmpty();
    assertThat(store.findMemo("r1")).isEmpty();
  }

  @Test
  void theMemoIsOpaqueBytesReplacedWhole() {
    startRun("r1");
    byte[] binary = {0, -1, 127, -128, 10, 0};

    commitOk(new Write.SetMemo("r1", bytes("a much longer first memo")));
    commitOk(new Write.SetMemo("r1", binary));
    assertThat(store.findMemo("r1")).hasValueSatisfying(m -> assertThat(m).isEqualTo(binary));

    commitOk(new Write.SetMemo("r1", new byte[0]));
    assertThat(store.findMemo("r1")).hasValueSatisfying(m -> assertThat(m).isEmpty());
  }

  @Test
  void theMemoIsNotPartOfTheRunRecord() {
    startRun("r1");
    commitOk(new Write.SetMemo("r1", bytes("memo")));

    assertThat(storedRun("r1")).isEqualTo(run("r1").build());
  }
}
