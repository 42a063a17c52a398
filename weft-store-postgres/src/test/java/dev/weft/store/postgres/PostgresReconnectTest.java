package dev.weft.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Write;
import dev.weft.store.tck.TestData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The database drops every connection of a node (what a server restart or a network cut does): the
 * node's next writes and reads reconnect and succeed, and the outage is logged once, not once per
 * connection or statement.
 */
class PostgresReconnectTest {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger outageLog = (Logger) LoggerFactory.getLogger("dev.weft.store.jdbc.Outage");
  private PostgresStore store;
  private String nodeId;

  @BeforeEach
  void open() {
    logs.start();
    outageLog.addAppender(logs);
    outageLog.setLevel(Level.INFO);
    nodeId = TestPostgres.newSchema("node");
    store = PostgresStore.open(TestPostgres.freshOptions("reconnect").nodeId(nodeId));
  }

  @AfterEach
  void close() {
    store.close();
    outageLog.detachAppender(logs);
  }

  @Test
  void writesAndReadsCarryOnAfterTheDatabaseDroppedEveryConnection() {
    commitOk(new Write.InsertRun(TestData.run("r1").build(), Set.of()));
    commitOk(new Write.AppendEvents("r1", 1, TestData.events(1, 3)));

    dropConnections();
    commitOk(new Write.AppendEvents("r1", 4, TestData.events(4, 2)));
    assertThat(store.readHistory("r1", 1)).hasSize(5);

    dropConnections();
    for (int i = 0; i < 3; i++) {
      assertThat(store.findRun("r1")).isPresent();
    }
    commitOk(new Write.AppendEvents("r1", 6, TestData.events(6, 1)));
    assertThat(store.readHistory("r1", 1)).hasSize(6);

    List<String> warnings =
        logs.list.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("lost the connection to PostgreSQL at jdbc:postgresql:");
  }

  private void commitOk(Write... writes) {
    CommitResult result = store.commit(Batch.of(writes)).join();
    assertThat(result.committed()).as(String.valueOf(result)).isTrue();
  }

  /** Terminates every backend of this node, as a server restart would. */
  private void dropConnections() {
    TestPostgres.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'weft "
            + nodeId
            + "'");
  }
}
