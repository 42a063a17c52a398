package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Write;
import dev.weft.store.nodes.DeleteNodes;
import dev.weft.store.nodes.PutNode;
import dev.weft.store.nodes.StoredNode;
import dev.weft.store.nodes.StoredNodes;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Pins the engine nodes, a store extension every SQL store installs by default: {@link PutNode}
 * records a node or replaces its row (its heartbeat), queues included; {@link StoredNodes#list()}
 * returns every node by node ID; {@link DeleteNodes} forgets the nodes whose last heartbeat is
 * before a time and keeps the others; both are rolled back with their batch.
 */
public abstract class EngineNodeContract extends StoreContract {

  private StoredNodes nodes() {
    return store.extension(StoredNodes.class);
  }

  private static StoredNode node(String id, int heartbeatSecond, String... queues) {
    return new StoredNode(
        id,
        "host-" + id,
        4242,
        T0,
        T0.plusSeconds(heartbeatSecond),
        "1.2.3",
        new TreeSet<>(List.of(queues)));
  }

  @Test
  void aNodeIsListedWithEverythingItRecordedAndItsHeartbeatReplacesIt() {
    commitOk(new PutNode(node("n2", 0, "orders", "emails")));
    commitOk(new PutNode(node("n1", 5)));

    assertThat(nodes().list()).extracting(StoredNode::nodeId).containsExactly("n1", "n2");
    StoredNode n2 = nodes().list().get(1);
    assertThat(n2.host()).isEqualTo("host-n2");
    assertThat(n2.processId()).isEqualTo(4242);
    assertThat(n2.startedAt()).isEqualTo(T0);
    assertThat(n2.heartbeatAt()).isEqualTo(T0);
    assertThat(n2.version()).isEqualTo("1.2.3");
    assertThat(n2.taskQueues()).containsExactly("emails", "orders");
    assertThat(nodes().list().get(0).taskQueues()).isEmpty();

    commitOk(new PutNode(node("n2", 10, "orders")));

    StoredNode beat = nodes().list().get(1);
    assertThat(beat.heartbeatAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(beat.taskQueues()).containsExactly("orders");
    assertThat(nodes().list()).hasSize(2);
  }

  @Test
  void deleteForgetsOnlyTheNodesSilentSinceBeforeTheTime() {
    commitOk(new PutNode(node("old", 0, "orders")), new PutNode(node("new", 60, "orders")));

    commitOk(new DeleteNodes(T0.plusSeconds(60)));

    assertThat(nodes().list()).extracting(StoredNode::nodeId).containsExactly("new");
    commitOk(new PutNode(node("old", 120)));
    assertThat(nodes().list().get(1).taskQueues()).isEmpty();
  }

  @Test
  void nodeWritesAreRolledBackWithTheirBatch() {
    commitOk(new PutNode(node("n1", 0)));

    commitConflict(
        new PutNode(node("n2", 1)),
        new DeleteNodes(T0.plusSeconds(1)),
        new Write.DeleteTimer("r1", 99, true));

    assertThat(nodes().list()).extracting(StoredNode::nodeId).containsExactly("n1");
  }
}
