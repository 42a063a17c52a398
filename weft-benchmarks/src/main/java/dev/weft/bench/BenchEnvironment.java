package dev.weft.bench;

import dev.weft.engine.WeftEngine;
import dev.weft.store.Store;
import dev.weft.store.sqlite.SqliteStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a workload runs against: a temporary directory, a way to open the store there (durable, with
 * the settings a user gets by default), and the output for progress lines.
 */
public final class BenchEnvironment {
  private final Path dir;
  private final String store;
  private final PrintStream out;

  BenchEnvironment(Path dir, String store, PrintStream out) {
    this.dir = dir;
    this.store = store;
    this.out = out;
  }

  /** Returns the temporary directory of this run. */
  public Path dir() {
    return dir;
  }

  /** Returns the store kind. */
  public String storeKind() {
    return store;
  }

  /** Prints a progress line. */
  public void say(String line) {
    out.println(line);
  }

  /** Opens the store of this run (the same one each time, so a restart sees earlier work). */
  public Store openStore() {
    return switch (store) {
      case "sqlite" -> SqliteStore.open(dir.resolve("weft.db"));
      default -> throw new IllegalArgumentException("unknown store '" + store + "'");
    };
  }

  /** Builds and starts an engine on this run's store with default settings. */
  public WeftEngine startEngine(Consumer<WeftEngine> setup) {
    WeftEngine engine = WeftEngine.builder().store(openStore()).build();
    setup.accept(engine);
    engine.start();
    return engine;
  }
}
