package dev.weft.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/**
 * What every fault test shares: the cluster, its load and its watcher are stopped after each test
 * (even a failed one), the watcher's timeline is printed, and PostgreSQL is stopped after the
 * class, so no node or server outlives a test.
 */
@Tag("fault")
abstract class FaultTest {
  private final String name;
  protected Cluster cluster;
  protected SteadyLoad load;
  protected ClusterWatch watch;

  /**
   * @param name how the test's output lines start ({@code [node kill] ...})
   */
  protected FaultTest(String name) {
    this.name = name;
  }

  /** Stops what the test itself started beyond the cluster (its own load threads). */
  protected void stopOwnLoad() {}

  @AfterEach
  final void stopCluster() {
    stopOwnLoad();
    if (load != null) {
      load.close();
    }
    if (watch != null) {
      watch.close();
      log(watch.timeline());
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterAll
  static void stopPostgres() {
    ClusterPostgres.shutDown();
  }

  /** Prints a line of the test's report. */
  protected final void log(String line) {
    System.out.println("[" + name + "] " + line);
  }
}
