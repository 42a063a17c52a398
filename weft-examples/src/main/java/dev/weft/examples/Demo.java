package dev.weft.examples;

import dev.weft.engine.WeftEngine;
import dev.weft.examples.approval.ApprovalDemo;
import dev.weft.examples.catchup.CatchUpDemo;
import dev.weft.examples.saga.OrderSagaDemo;
import dev.weft.examples.subscription.SubscriptionDemo;
import dev.weft.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the examples end to end on an embedded SQLite store in a temporary folder, printing what
 * each workflow did: the order saga (one order that ships, one that is compensated), the
 * subscription (a follow-up after a short real-time wait, and an unsubscribe), the approval (an
 * expense approved after an escalation that follows a short real-time wait, and one rejected at
 * once, driven by the signals the demo sends) and the catch-up (10,000 blocks in runs of 1,000
 * chained by continue-as-new). Takes a few seconds; the folder is deleted afterwards.
 *
 * <pre>{@code
 * new Demo().run(System.out);
 * }</pre>
 */
public final class Demo {
  private static final long CATCH_UP_BLOCKS = 10_000;
  private static final int CATCH_UP_BATCH = 1_000;

  private final Duration wait;

  /** Creates the demo with one-second real-time waits. */
  public Demo() {
    this(Duration.ofSeconds(1));
  }

  /**
   * Creates the demo with the given real-time waits: the follow-up delay of the subscription that
   * completes, and how long the approver of the expense that escalates has.
   */
  public Demo(Duration wait) {
    this.wait = wait;
  }

  /** Runs the demo, printing to {@code System.out}. */
  public static void main(String[] args) {
    new Demo().run(System.out);
  }

  /**
   * Runs the demo.
   *
   * @throws UncheckedIOException if the temporary folder cannot be created
   * @throws RuntimeException if a workflow does not behave as the demo expects in time
   */
  public void run(PrintStream out) {
    Path dir = createTempDir();
    try {
      Path db = dir.resolve("weft.db");
      OrderSagaDemo saga = new OrderSagaDemo();
      SubscriptionDemo subscription = new SubscriptionDemo(wait);
      ApprovalDemo approval = new ApprovalDemo(wait);
      CatchUpDemo catchUp = new CatchUpDemo(CATCH_UP_BLOCKS, CATCH_UP_BATCH);
      try (WeftEngine engine = WeftEngine.builder().store(SqliteStore.open(db)).build()) {
        saga.register(engine);
        subscription.register(engine);
        approval.register(engine);
        catchUp.register(engine);
        engine.start();
        out.println("Weft demo: embedded engine on " + db);
        out.println();
        saga.run(engine.client(), out);
        out.println();
        subscription.run(engine.client(), out);
        out.println();
        approval.run(engine.client(), out);
        out.println();
        catchUp.run(engine.client(), out);
      }
      out.println();
      out.println("Demo finished.");
    } finally {
      delete(dir);
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("weft-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the demo store", e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the OS cleans it eventually
    }
  }
}
