package dev.weft.engine;

import dev.weft.client.WeftClient;

/**
 * A user's workflows and activities packaged for a server: a jar (or class path entry) that names
 * its implementation in {@code META-INF/services/dev.weft.engine.WeftApp}. {@code weft server --app
 * my-app.jar} loads every {@code WeftApp} it finds with {@link java.util.ServiceLoader}, calls
 * {@link #register(WeftEngine, AppContext)} on the node's engine before the engine starts, and
 * serves the API over it.
 *
 * <pre>{@code
 * public final class BillingApp implements WeftApp {
 *   public String name() { return "billing"; }
 *   public void register(WeftEngine engine) {
 *     Worker w = engine.newWorker("billing");
 *     w.registerWorkflowImplementationTypes(InvoiceWorkflowImpl.class);
 *     w.registerActivitiesImplementations(new InvoiceActivitiesImpl());
 *   }
 * }
 * }</pre>
 *
 * <p>An implementation needs a public no-argument constructor. {@link #register} runs once per
 * node; it must only register (no runs started, no blocking calls).
 */
public interface WeftApp {
  /** A short name for logs and {@code weft server}'s startup line, e.g. {@code billing}. */
  String name();

  /** Registers the app's workers, workflows and activities on {@code engine} (not started yet). */
  void register(WeftEngine engine);

  /**
   * Registers the app on {@code engine} (not started yet), knowing where the node runs ({@link
   * AppContext#dataDir()}: where to keep local files). This is what {@code weft server} and {@code
   * weft dev} call; by default it ignores the context and calls {@link #register(WeftEngine)}, so
   * an app that keeps no local files implements only that one.
   */
  default void register(WeftEngine engine, AppContext context) {
    register(engine);
  }

  /**
   * Starts a few runs so that a fresh development server has something to show; called by {@code
   * weft dev} only, after the engine started, never by {@code weft server}. Does nothing by
   * default.
   */
  default void startExamples(WeftClient client) {}
}
