package dev.weft.store.jdbc;

import static dev.weft.store.jdbc.WriteFixture.row;
import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link VisibilityWrites} on a real SQLite file. */
class VisibilityWritesTest {
  @TempDir Path dir;
  WriteFixture db;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachValueGoesToTheColumnOfItsType() throws Exception {
    db.run("r1", "RUNNING");

    VisibilityWrites.upsertSearchAttributes(
        new Write.UpsertSearchAttributes(
            "r1",
            Map.of(
                "Customer", SearchAttributeValue.ofKeyword("c-1"),
                "Amount", SearchAttributeValue.ofInt(12),
                "Vip", SearchAttributeValue.ofBool(true),
                "Due", SearchAttributeValue.ofDatetime(Instant.ofEpochMilli(1234)),
                "Score", SearchAttributeValue.ofDouble(0.5))),
        db.statements);

    assertThat(
            db.rows(
                "SELECT name, type, text_value, int_value, double_value FROM search_attributes"
                    + " ORDER BY name"))
        .containsExactly(
            row("Amount", "INT", null, 12, null),
            row("Customer", "KEYWORD", "c-1", null, null),
            row("Due", "DATETIME", null, 1234, null),
            row("Score", "DOUBLE", null, null, 0.5),
            row("Vip", "BOOL", null, 1, null));
  }

  @Test
  void anUpsertReplacesAndRemovesByName() throws Exception {
    db.run("r1", "RUNNING");
    VisibilityWrites.upsertSearchAttributes(
        new Write.UpsertSearchAttributes(
            "r1", Map.of("A", SearchAttributeValue.ofInt(1), "B", SearchAttributeValue.ofInt(2))),
        db.statements);

    VisibilityWrites.upsertSearchAttributes(
        new Write.UpsertSearchAttributes(
            "r1", Map.of("A", SearchAttributeValue.ofKeyword("one")), Set.of("B")),
        db.statements);

    assertThat(db.rows("SELECT name, type, text_value, int_value FROM search_attributes"))
        .containsExactly(row("A", "KEYWORD", "one", null));
  }

  @Test
  void bothWritesConflictForAMissingRun() {
    Write.UpsertSearchAttributes upsert =
        new Write.UpsertSearchAttributes("nope", Map.of("A", SearchAttributeValue.ofInt(1)));
    Write.SetMemo memo = new Write.SetMemo("nope", bytes("m"));

    assertThatThrownBy(() -> VisibilityWrites.upsertSearchAttributes(upsert, db.statements))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(upsert))
        .hasMessage("run nope does not exist");
    assertThatThrownBy(() -> VisibilityWrites.setMemo(memo, db.statements))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.conflict().write()).isEqualTo(memo))
        .hasMessage("run nope does not exist");
  }

  @Test
  void theMemoIsAColumnOfTheRunReplacedWhole() throws Exception {
    db.run("r1", "COMPLETED");

    VisibilityWrites.setMemo(new Write.SetMemo("r1", bytes("first")), db.statements);
    VisibilityWrites.setMemo(new Write.SetMemo("r1", bytes("2")), db.statements);

    assertThat(db.rows("SELECT memo FROM runs"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(row(bytes("2")));
  }
}
