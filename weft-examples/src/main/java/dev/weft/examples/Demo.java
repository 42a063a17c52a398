package dev.weft.examples;

import dev.weft.engine.WeftEngine;
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
 * Runs both examples end to end on an embedded SQLite store in a temporary folder, printing what
 * each workflow did: the order saga (one order that ships, one that is compensated) and the
 * subscription (a follow-up after a short real-time wait, and an unsubscribe). Takes a few seconds;
 * the folder is deleted afterwards.
 *
 * <pre>{@code
 * new Demo().run(System.out);
 * }</pre>
 */
public final class Demo {
  private final Duration followUpDelay;

  /** Creates the demo with a two-second follow-up delay. */
  public Demo() {
    this(Duration.ofSeconds(2));
  }

  /** Creates the demo with the given follow-up delay for the subscription that completes. */
  public Demo(Duration followUpDelay) {
    this.followUpDelay = followUpDelay;
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
      SubscriptionDemo subscription = new SubscriptionDemo(followUpDelay);
      try (WeftEngine engine = WeftEngine.builder().store(SqliteStore.open(db)).build()) {
        saga.register(engine);
        subscription.register(engine);
        engine.start();
        out.println("Weft demo: embedded engine on " + db);
        out.println();
        saga.run(engine.client(), out);
        out.println();
        subscription.run(engine.client(), out);
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
