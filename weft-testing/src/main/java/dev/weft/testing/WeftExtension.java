package dev.weft.testing;

import dev.weft.client.WeftClient;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each JUnit 5 test a started {@link WeftTestEnvironment} with the registered workflows and
 * activities, and injects it (or its {@link WeftClient}) as a test method parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WeftExtension weft = WeftExtension.newBuilder()
 *     .registerWorkflow("orders", OrderWorkflow.class, OrderSaga::new)
 *     .registerActivities("orders", FakeOrderActivities::new)
 *     .build();
 *
 * @Test
 * void refundsOnShippingFailure(WeftClient client, WeftTestEnvironment env) { ... }
 * }</pre>
 */
public final class WeftExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WeftExtension.class);

  private final Map<String, List<java.util.function.Consumer<Worker>>> registrations;
  private final boolean timeSkipping;
  private final UnaryOperator<WeftEngine.Builder> engine;

  private WeftExtension(Builder b) {
    this.registrations = b.registrations;
    this.timeSkipping = b.timeSkipping;
    this.engine = b.engine;
  }

  /** Returns a builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options().timeSkipping(timeSkipping).engine(engine));
    registrations.forEach(
        (queue, actions) -> {
          Worker worker = env.newWorker(queue);
          actions.forEach(a -> a.accept(worker));
        });
    env.start();
    context.getStore(NAMESPACE).put(WeftTestEnvironment.class, env);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    WeftTestEnvironment env =
        context.getStore(NAMESPACE).remove(WeftTestEnvironment.class, WeftTestEnvironment.class);
    if (env != null) {
      env.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == WeftTestEnvironment.class || type == WeftClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    WeftTestEnvironment env =
        context.getStore(NAMESPACE).get(WeftTestEnvironment.class, WeftTestEnvironment.class);
    return parameter.getParameter().getType() == WeftClient.class ? env.client() : env;
  }

  /** Configures a {@link WeftExtension}. */
  public static final class Builder {
    private final Map<String, List<java.util.function.Consumer<Worker>>> registrations =
        new LinkedHashMap<>();
    private boolean timeSkipping = true;
    private UnaryOperator<WeftEngine.Builder> engine = UnaryOperator.identity();

    private Builder() {}

    /** Registers a workflow implementation on a task queue. */
    public <W> Builder registerWorkflow(
        String taskQueue, Class<W> workflowInterface, Supplier<? extends W> factory) {
      on(taskQueue).add(w -> w.registerWorkflow(workflowInterface, factory));
      return this;
    }

    /** Registers activities on a task queue; the supplier makes a fresh object for each test. */
    public Builder registerActivities(String taskQueue, Supplier<?> implementation) {
      on(taskQueue).add(w -> w.registerActivities(implementation.get()));
      return this;
    }

    /** Turns time skipping on (default) or off. */
    public Builder timeSkipping(boolean timeSkipping) {
      this.timeSkipping = timeSkipping;
      return this;
    }

    /** Customizes each test's engine. */
    public Builder engine(UnaryOperator<WeftEngine.Builder> customizer) {
      this.engine = customizer;
      return this;
    }

    private List<java.util.function.Consumer<Worker>> on(String queue) {
      return registrations.computeIfAbsent(queue, q -> new ArrayList<>());
    }

    /** Returns the extension. */
    public WeftExtension build() {
      return new WeftExtension(this);
    }
  }
}
