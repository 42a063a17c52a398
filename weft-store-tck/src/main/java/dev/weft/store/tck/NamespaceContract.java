package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.CommitResult;
import dev.weft.store.NamespaceRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pins the namespace catalog: {@link Write.InsertNamespace} adds a namespace and conflicts on a
 * taken name (rolling its whole batch back); {@link Write.UpdateNamespace} changes the description
 * and retention it is given, keeps those it is given null, sets the update time, and conflicts on
 * an unknown name; {@code findNamespace} and {@code listNamespaces} (ordered by name) read them
 * back with millisecond times and durations.
 */
public abstract class NamespaceContract extends StoreContract {

  private static NamespaceRecord namespace(String name, Duration retention) {
    return new NamespaceRecord(name, "about " + name, retention, T0, T0);
  }

  @Test
  void insertedNamespaceReadsBackAndListsByName() {
    commitOk(new Write.InsertNamespace(namespace("payments", Duration.ofDays(7))));
    commitOk(new Write.InsertNamespace(namespace("default", Duration.ofDays(30))));
    commitOk(new Write.InsertNamespace(namespace("billing.eu-1", Duration.ofHours(36))));

    assertThat(store.findNamespace("payments"))
        .contains(new NamespaceRecord("payments", "about payments", Duration.ofDays(7), T0, T0));
    assertThat(store.findNamespace("nope")).isEmpty();
    assertThat(store.listNamespaces())
        .extracting(NamespaceRecord::name)
        .containsExactly("billing.eu-1", "default", "payments");
  }

  @Test
  void insertingATakenNameConflictsAndRollsBackItsBatch() {
    commitOk(new Write.InsertNamespace(namespace("payments", Duration.ofDays(7))));

    CommitResult result =
        commit(
            run("r1").namespace("payments").insert(),
            new Write.InsertNamespace(namespace("payments", Duration.ofDays(1))));

    assertThat(result).isInstanceOf(CommitResult.Conflict.class);
    assertThat(((CommitResult.Conflict) result).reason()).contains("payments");
    assertThat(store.findRun("r1")).as("rolled back with its batch").isEmpty();
    assertThat(store.findNamespace("payments").orElseThrow().retention())
        .isEqualTo(Duration.ofDays(7));
  }

  @Test
  void updateChangesWhatItIsGivenAndKeepsTheRest() {
    commitOk(new Write.InsertNamespace(namespace("payments", Duration.ofDays(7))));
    Instant later = T0.plusSeconds(60);

    commitOk(new Write.UpdateNamespace("payments", null, Duration.ofMillis(90_001), later));
    assertThat(store.findNamespace("payments"))
        .contains(
            new NamespaceRecord(
                "payments", "about payments", Duration.ofMillis(90_001), T0, later));

    Instant latest = later.plusMillis(5);
    commitOk(new Write.UpdateNamespace("payments", "card payments", null, latest));
    assertThat(store.findNamespace("payments"))
        .contains(
            new NamespaceRecord(
                "payments", "card payments", Duration.ofMillis(90_001), T0, latest));
  }

  @Test
  void updatingAnUnknownNamespaceConflicts() {
    CommitResult result =
        commit(new Write.UpdateNamespace("ghost", "x", Duration.ofDays(1), T0.plusSeconds(1)));

    assertThat(result).isInstanceOf(CommitResult.Conflict.class);
    assertThat(((CommitResult.Conflict) result).reason()).contains("ghost");
    assertThat(store.listNamespaces()).isEmpty();
  }
}
