package dev.weft.store.jdbc.nodes;

import dev.weft.store.jdbc.JdbcExtension;
import dev.weft.store.jdbc.WriteContext;
import dev.weft.store.nodes.DeleteNodes;
import dev.weft.store.nodes.PutNode;
import dev.weft.store.nodes.StoredNode;
import dev.weft.store.nodes.StoredNodes;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The store extension of engine nodes ({@code engine-nodes}): applies {@link PutNode} and {@link
 * DeleteNodes}, offers {@link StoredNodes}. Its tables, {@code engine_nodes} (one row per node ID)
 * and {@code engine_node_queues} (the queues each node serves), are created by its migrations in
 * {@code db/ext/engine-nodes/<dialect>/}. Nodes belong to no run. Declared in this module's {@code
 * META-INF/services}, so every SQL store installs it unless its options name other extensions.
 * Stateless.
 */
public final class EngineNodesExtension implements JdbcExtension {

  /** Creates the extension (the service loader calls this). */
  public EngineNodesExtension() {}

  @Override
  public String name() {
    return "engine-nodes";
  }

  @Override
  public void install(Registry registry) {
    registry
        .write(PutNode.class, EngineNodesExtension::put)
        .write(DeleteNodes.class, EngineNodesExtension::delete)
        .reads(StoredNodes.class, new JdbcNodes(registry.readPool()));
  }

  private static void put(PutNode w, WriteContext tx) throws SQLException {
    StoredNode n = w.node();
    PreparedStatement upsert =
        tx.prepare(
            "INSERT INTO engine_nodes"
                + " (node_id, host, process_id, started_at, heartbeat_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET"
                + " host = excluded.host, process_id = excluded.process_id,"
                + " started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,"
                + " version = excluded.version");
    upsert.setString(1, n.nodeId());
    upsert.setString(2, n.host());
    upsert.setLong(3, n.processId());
    upsert.setLong(4, n.startedAt().toEpochMilli());
    upsert.setLong(5, n.heartbeatAt().toEpochMilli());
    upsert.setString(6, n.version());
    upsert.executeUpdate();
    PreparedStatement clear = tx.prepare("DELETE FROM engine_node_queues WHERE node_id = ?");
    clear.setString(1, n.nodeId());
    clear.executeUpdate();
    PreparedStatement queue =
        tx.prepare("INSERT INTO engine_node_queues (node_id, task_queue) VALUES (?, ?)");
    for (String taskQueue : n.taskQueues()) {
      queue.setString(1, n.nodeId());
      queue.setString(2, taskQueue);
      queue.executeUpdate();
    }
  }

  private static void delete(DeleteNodes w, WriteContext tx) throws SQLException {
    long before = w.heartbeatBefore().toEpochMilli();
    PreparedStatement queues =
        tx.prepare(
            "DELETE FROM engine_node_queues WHERE node_id IN"
                + " (SELECT node_id FROM engine_nodes WHERE heartbeat_at < ?)");
    queues.setLong(1, before);
    queues.executeUpdate();
    PreparedStatement nodes = tx.prepare("DELETE FROM engine_nodes WHERE heartbeat_at < ?");
    nodes.setLong(1, before);
    nodes.executeUpdate();
  }
}
