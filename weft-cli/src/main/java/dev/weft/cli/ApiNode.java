package dev.weft.cli;

import dev.weft.converter.PayloadCodec;
import dev.weft.engine.AppContext;
import dev.weft.engine.WeftApp;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.Schedules;
import dev.weft.server.WeftServer;
import dev.weft.server.WeftServerOptions;
import dev.weft.store.Store;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node of {@code weft server} or {@code weft dev}: an engine with the apps' workers, the
 * schedule workflows ({@link Schedules}) and the HTTP API over it, with one Prometheus registry for
 * both ({@code /metrics}). {@link #close()} stops it in the order that loses nothing: the API stops
 * taking requests and finishes those in flight, then the engine stops claiming tasks and gives
 * running ones up to its shutdown timeout (what does not finish is released to the next node), then
 * the store closes.
 */
final class ApiNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("weft.server");

  private final WeftEngine engine;
  private final WeftServer server;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ApiNode(WeftEngine engine, WeftServer server) {
    this.engine = engine;
    this.server = server;
  }

  /**
   * Builds the engine on {@code store}, registers every app (telling it the node's data directory
   * through {@code context}), starts it, and serves the API. Closes the store if any step fails.
   */
  static ApiNode start(
      Store store,
      String nodeId,
      List<WeftApp> apps,
      AppContext context,
      WeftServerOptions serverOptions,
      PayloadCodec payloadCodec) {
    // one registry: a scrape of /metrics shows the engine's meters and the API's together
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WeftEngine engine;
    try {
      WeftEngine.Builder builder =
          WeftEngine.builder().store(store).nodeId(nodeId).meterRegistry(metrics);
      if (payloadCodec != null) {
        builder.payloadCodec(payloadCodec);
      }
      engine = builder.build();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      // the node hosts the schedule workflows, so schedules created over the API run; an app may
      // build its own Schedules on the engine too (its builder only adds its definitions)
      Schedules schedules = Schedules.builder(engine).build();
      for (WeftApp app : apps) {
        app.register(engine, context);
      }
      engine.start();
      schedules.ensureStarted();
      return new ApiNode(
          engine, WeftServer.start(engine, serverOptions.withMeterRegistry(metrics)));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  WeftEngine engine() {
    return engine;
  }

  WeftServer server() {
    return server;
  }

  /**
   * Makes the JVM close this node when it is asked to stop (SIGTERM, Ctrl-C), before it exits. Call
   * it right after {@link #start}, before telling anyone the node serves: a signal that comes
   * earlier than the hook would stop the JVM without the clean stop.
   */
  void closeOnJvmStop() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping: the API finishes its requests, running tasks get up to 10 s");
                  try {
                    close();
                    log.info("stopped");
                  } finally {
                    stopped.countDown();
                  }
                },
                "weft-server-stop"));
  }

  /** Blocks until the node was closed by the JVM's stop (see {@link #closeOnJvmStop}). */
  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      engine.close();
    }
  }
}
