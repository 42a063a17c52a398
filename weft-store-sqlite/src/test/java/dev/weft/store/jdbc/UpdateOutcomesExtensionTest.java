package dev.weft.store.jdbc;

import static dev.weft.store.tck.TestData.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.jdbc.updates.UpdateOutcomesExtension;
import dev.weft.store.updates.PutUpdateOutcome;
import dev.weft.store.updates.UpdateOutcomes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UpdateOutcomesExtension} installed on a real SQLite file, without a store around it. */
class UpdateOutcomesExtensionTest {
  @TempDir Path dir;
  WriteFixture db;
  Appliers appliers;
  UpdateOutcomes outcomes;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    appliers = new Appliers();
    Map<Class<?>, Object> reads =
        Extensions.install(
            List.of(new UpdateOutcomesExtension()),
            db.dialect,
            db.readPool().forExtensions(),
            appliers);
    outcomes = (UpdateOutcomes) reads.get(UpdateOutcomes.class);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anOutcomeIsReplacedWholeAndReadOnceCommitted() throws Exception {
    put(new PutUpdateOutcome("r1", "u1", bytes("rejected")));
    put(new PutUpdateOutcome("r1", "u1", bytes("completed")));

    assertThat(outcomes.find("r1", "u1")).as("not committed yet").isEmpty();
    db.commit();
    assertThat(outcomes.find("r1", "u1"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("completed")));
    assertThat(outcomes.find("r1", "u2")).isEmpty();
  }

  @Test
  void deletingARunsOutcomesLeavesOtherRunsAlone() throws Exception {
    put(new PutUpdateOutcome("r1", "u1", bytes("a")));
    put(new PutUpdateOutcome("r1", "u2", bytes("b")));
    put(new PutUpdateOutcome("r2", "u1", bytes("c")));

    new UpdateOutcomesExtension().deleteRun("r1", db.batch());
    db.commit();

    assertThat(db.count("update_outcomes", "r1")).isZero();
    assertThat(outcomes.find("r2", "u1")).isPresent();
  }

  private void put(PutUpdateOutcome write) throws Exception {
    appliers.of(PutUpdateOutcome.class).apply(write, db.batch());
  }
}
