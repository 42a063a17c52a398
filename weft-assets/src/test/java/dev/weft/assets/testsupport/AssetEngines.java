package dev.weft.assets.testsupport;

import dev.weft.assets.Assets;
import dev.weft.engine.WeftEngine;
import dev.weft.store.Store;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engines an asset test starts, each with the {@link Assets} of its definitions, all closed
 * after the test: the nodes of a cluster test, or the engines before and after a restart on one
 * store.
 *
 * <pre>{@code
 * @RegisterExtension final AssetEngines engines = new AssetEngines();
 *
 * Assets assets = engines.start(
 *     kind.open(dir),
 *     engine -> engine.nodeId("a-test").clock(clock),
 *     assets -> assets.definitions(defs).ioManager(IoManager.DEFAULT, new InMemoryIoManager()));
 * }</pre>
 */
public final class AssetEngines implements AfterEachCallback {
  private final List<WeftEngine> engines = new CopyOnWriteArrayList<>();

  /**
   * Builds an engine on {@code store} with the options {@code engine} sets, builds its assets with
   * the options {@code assets} sets (which registers them), then starts the engine.
   */
  public Assets start(
      Store store, UnaryOperator<WeftEngine.Builder> engine, UnaryOperator<Assets.Builder> assets) {
    return start(store, engine, assets, started -> {});
  }

  /**
   * As {@link #start(Store, UnaryOperator, UnaryOperator)}, with {@code workers} registering the
   * test's own workflows on the engine after its assets and before it starts.
   */
  public Assets start(
      Store store,
      UnaryOperator<WeftEngine.Builder> engine,
      UnaryOperator<Assets.Builder> assets,
      Consumer<WeftEngine> workers) {
    WeftEngine started = engine.apply(WeftEngine.builder().store(store)).build();
    engines.add(started);
    Assets built = assets.apply(Assets.builder(started)).build();
    workers.accept(started);
    started.start();
    return built;
  }

  /** Returns the engine started first. */
  public WeftEngine first() {
    return engines.getFirst();
  }

  /** Returns the engine started last. */
  public WeftEngine last() {
    return engines.getLast();
  }

  /** Closes the engine started last and forgets it, as when a node stops before the next starts. */
  public void closeLast() {
    engines.removeLast().close();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    engines.forEach(WeftEngine::close);
  }
}
