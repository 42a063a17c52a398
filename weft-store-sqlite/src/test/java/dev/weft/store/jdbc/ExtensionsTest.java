package dev.weft.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.StoreException;
import dev.weft.store.Write;
import dev.weft.store.jdbc.updates.UpdateOutcomesExtension;
import dev.weft.store.updates.PutUpdateOutcome;
import dev.weft.store.updates.UpdateOutcomes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Extensions#install}: what extensions may register, and what they may not. */
class ExtensionsTest {
  @TempDir Path dir;
  WriteFixture db;
  Appliers appliers;

  @BeforeEach
  void open() throws Exception {
    db = WriteFixture.open(dir);
    appliers = new Appliers();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theReadsAndAppliersOfEachExtensionAreRegisteredUnderTheirTypes() throws Exception {
    Map<Class<?>, Object> reads = install(new UpdateOutcomesExtension());

    assertThat(reads).containsOnlyKeys(UpdateOutcomes.class);
    assertThat(appliers.of(PutUpdateOutcome.class)).isNotNull();
    assertThat(appliers.of(Write.InsertRun.class)).as("not the extension's").isNull();
  }

  @Test
  void twoExtensionsOfferingTheSameReadsAreRefusedNamingBoth() {
    assertThatThrownBy(() -> install(new UpdateOutcomesExtension(), offering("copy")))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "extension 'copy' and extension 'update-outcomes' both offer reads of "
                + UpdateOutcomes.class.getName());
  }

  @Test
  void twoExtensionsApplyingTheSameWriteAreRefusedNamingBoth() {
    JdbcExtension copy =
        new JdbcExtension() {
          @Override
          public String name() {
            return "copy";
          }

          @Override
          public void install(Registry registry) {
            registry.write(PutUpdateOutcome.class, (w, tx) -> {});
          }
        };

    assertThatThrownBy(() -> install(new UpdateOutcomesExtension(), copy))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "extension 'copy' registers an applier for writes of "
                + PutUpdateOutcome.class.getName()
                + ", which extension 'update-outcomes' applies already");
  }

  @Test
  void readsThatAreNotOfTheirTypeAreRefused() {
    JdbcExtension wrong =
        new JdbcExtension() {
          @Override
          public String name() {
            return "wrong";
          }

          @Override
          @SuppressWarnings({"unchecked", "rawtypes"})
          public void install(Registry registry) {
            registry.reads((Class) UpdateOutcomes.class, "not reads");
          }
        };

    assertThatThrownBy(() -> install(wrong))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("extension 'wrong' offers not reads as reads of");
  }

  @Test
  void aRegistryKeptPastInstallRefusesLaterRegistrations() {
    AtomicReference<JdbcExtension.Registry> kept = new AtomicReference<>();
    JdbcExtension keeper =
        new JdbcExtension() {
          @Override
          public String name() {
            return "keeper";
          }

          @Override
          public void install(Registry registry) {
            kept.set(registry);
          }
        };
    install(keeper);

    assertThatThrownBy(() -> kept.get().write(PutUpdateOutcome.class, (w, tx) -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("extension 'keeper' registers after its install() returned");
    assertThat(appliers.of(PutUpdateOutcome.class)).isNull();
  }

  private Map<Class<?>, Object> install(JdbcExtension... extensions) {
    try {
      return Extensions.install(
          List.of(extensions), db.dialect, db.readPool().forExtensions(), appliers);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An extension that offers its own {@link UpdateOutcomes}. */
  private static JdbcExtension offering(String name) {
    return new JdbcExtension() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void install(Registry registry) {
        registry.reads(UpdateOutcomes.class, (runId, updateId) -> Optional.empty());
      }
    };
  }
}
