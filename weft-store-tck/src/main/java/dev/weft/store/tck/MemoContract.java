package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.run;
import static dev.weft.store.tck.VisibilityQueries.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.CommitResult;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.StoreStats;
import dev.weft.store.Write;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the memo of a run: {@link Write.SetMemo} replaces it whole with opaque bytes (an empty memo
 * is a memo), kept apart from the run record and belonging to its run; setting it for a run that
 * does not exist conflicts and its batch leaves no trace.
 */
public abstract class MemoContract extends StoreContract {

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
}
