package dev.weft.store.jdbc.nodes;

import dev.weft.store.jdbc.JdbcReads;
import dev.weft.store.nodes.StoredNode;
import dev.weft.store.nodes.StoredNodes;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** {@link StoredNodes} over a store's read connections. */
final class JdbcNodes implements StoredNodes {
  private final JdbcReads reads;

  JdbcNodes(JdbcReads reads) {
    this.reads = reads;
  }

  @Override
  public List<StoredNode> list() {
    return reads.read(
        "every engine node",
        session -> {
          Map<String, SortedSet<String>> queues = new HashMap<>();
          try (ResultSet rs =
              session
                  .prepare("SELECT node_id, task_queue FROM engine_node_queues")
                  .executeQuery()) {
            while (rs.next()) {
              queues.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
          }
          List<StoredNode> nodes = new ArrayList<>();
          try (ResultSet rs =
              session
                  .prepare(
                      "SELECT node_id, host, process_id, started_at, heartbeat_at, version"
                          + " FROM engine_nodes ORDER BY node_id")
                  .executeQuery()) {
            while (rs.next()) {
              nodes.add(
                  new StoredNode(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getLong(3),
                      Instant.ofEpochMilli(rs.getLong(4)),
                      Instant.ofEpochMilli(rs.getLong(5)),
                      rs.getString(6),
                      queues.getOrDefault(rs.getString(1), new TreeSet<>())));
            }
          }
          return nodes;
        });
  }
}
