package dev.weft.testing;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each JUnit 5 test a started {@link WeftTestEnvironment} (a fresh store, a time-skipping
 * clock) with the registered workflows and activities, and injects into the test's method and
 * constructor parameters, by type: a new typed workflow stub with a fresh workflow ID on the
 * default task queue for any {@code @WorkflowInterface} type; the {@link WeftTestEnvironment},
 * {@link WeftClient}, {@link WeftEngine}; the default queue's {@link Worker}; {@link
 * WorkflowOptions} on the default queue; and the registered activity object that is an instance of
 * the parameter's type (a test double, by its class or its activity interface). Like Temporal's
 * {@code TestWorkflowExtension}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WeftExtension weft = WeftExtension.newBuilder()
 *     .registerWorkflowImplementationTypes(OrderSaga.class)
 *     .setActivityImplementations(new FakeOrderActivities())
 *     .build();
 *
 * @Test
 * void refundsOnShippingFailure(OrderWorkflow order, FakeOrderActivities activities) {
 *   order.place("order-1");
 *   assertThat(activities.refunded()).containsExactly("order-1");
 * }
 * }</pre>
 *
 * <p>Register it on a static field for constructor injection (the environment is then made for each
 * test method, with the default per-method test instance lifecycle). Each test gets its own
 * environment, closed after it.
 */
public final class WeftExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WeftExtension.class);

  /** The default task queue, unless {@link Builder#setTaskQueue} names another. */
  public static final String DEFAULT_TASK_QUEUE = "weft-test";

  private final Map<String, List<Registration>> registrations;
  private final String defaultQueue;
  private final boolean timeSkipping;
  private final boolean doNotStart;
  private final Instant initialTime;
  private final UnaryOperator<WeftEngine.Builder> engine;

  /** One registration on a worker; returns the activity object it registered, if any. */
  private interface Registration {
    Object applyTo(Worker worker);
  }

  private WeftExtension(Builder b) {
    this.registrations = new LinkedHashMap<>(b.registrations);
    this.defaultQueue = b.taskQueue;
    this.timeSkipping = b.timeSkipping;
    this.doNotStart = b.doNotStart;
    this.initialTime = b.initialTime;
    this.engine = b.engine;
  }

  /** Returns a builder. */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    resources(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestResources test =
        context.getStore(NAMESPACE).remove(TestResources.class, TestResources.class);
    if (test != null) {
      test.env().close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return InjectedParameters.isFixed(type)
        || InjectedParameters.supports(type, resources(context));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return InjectedParameters.resolve(parameter.getParameter().getType(), resources(context));
  }

  /** Constructor parameters are resolved with the test method's context: one environment a test. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  private TestResources resources(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(TestResources.class, k -> create(context), TestResources.class);
  }

  private TestResources create(ExtensionContext context) {
    WeftTestEnvironment env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(timeSkipping)
                .startTime(startTime(context))
                .engine(engine));
    Map<String, Worker> workers = new LinkedHashMap<>();
    List<Object> activities = new ArrayList<>();
    try {
      workers.put(defaultQueue, env.newWorker(defaultQueue));
      registrations.forEach(
          (queue, actions) -> {
            Worker worker = workers.computeIfAbsent(queue, env::newWorker);
            for (Registration r : actions) {
              Object activity = r.applyTo(worker);
              if (activity != null) {
                activities.add(activity);
              }
            }
          });
      if (!doNotStart) {
        env.start();
      }
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
    return new TestResources(env, defaultQueue, Map.copyOf(workers), List.copyOf(activities));
  }

  private Instant startTime(ExtensionContext context) {
    WorkflowInitialTime annotated =
        context.getTestMethod().map(m -> m.getAnnotation(WorkflowInitialTime.class)).orElse(null);
    if (annotated == null) {
      return initialTime != null ? initialTime : Instant.now();
    }
    try {
      return Instant.parse(annotated.value());
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException(
          "@WorkflowInitialTime(\""
              + annotated.value()
              + "\") on "
              + context.getTestMethod().map(Method::getName).orElse("?")
              + " is not an ISO-8601 instant such as 2026-01-01T00:00:00Z",
          e);
    }
  }

  /**
   * Configures a {@link WeftExtension}. Names follow Temporal's {@code
   * TestWorkflowExtension.Builder} where it has the same thing; not thread-safe, build it once (in
   * a static field initializer).
   */
  public static final class Builder {
    private final Map<String, List<Registration>> registrations = new LinkedHashMap<>();
    private String taskQueue = DEFAULT_TASK_QUEUE;
    private boolean timeSkipping = true;
    private boolean doNotStart;
    private Instant initialTime;
    private UnaryOperator<WeftEngine.Builder> engine = UnaryOperator.identity();

    private Builder() {}

    /**
     * Registers workflow implementation classes on the default task queue, each under every
     * {@code @WorkflowInterface} it implements, made by its public no-argument constructor.
     *
     * @throws IllegalArgumentException if a class is abstract, implements no workflow interface or
     *     has no public no-argument constructor
     */
    public Builder registerWorkflowImplementationTypes(Class<?>... types) {
      for (Class<?> type : types) {
        Consumer<Worker> registration = WorkflowImplementations.registration(type);
        on(taskQueue)
            .add(
                w -> {
                  registration.accept(w);
                  return null;
                });
      }
      return this;
    }

    /**
     * Registers activity objects (implementations or test doubles) on the default task queue. The
     * same objects serve every test, as in Temporal; use {@link #registerActivities(String,
     * Supplier)} for a fresh object per test. A test parameter whose type one of them is an
     * instance of receives it.
     */
    public Builder setActivityImplementations(Object... activities) {
      for (Object activity : activities) {
        on(taskQueue)
            .add(
                w -> {
                  w.registerActivities(activity);
                  return activity;
                });
      }
      return this;
    }

    /** Registers a workflow implementation on a task queue, made by {@code factory} per run. */
    public <W> Builder registerWorkflow(
        String taskQueue, Class<W> workflowInterface, Supplier<? extends W> factory) {
      on(taskQueue)
          .add(
              w -> {
                w.registerWorkflow(workflowInterface, factory);
                return null;
              });
      return this;
    }

    /** Registers activities on a task queue; the supplier makes a fresh object for each test. */
    public Builder registerActivities(String taskQueue, Supplier<?> implementation) {
      on(taskQueue)
          .add(
              w -> {
                Object activity = implementation.get();
                w.registerActivities(activity);
                return activity;
              });
      return this;
    }

    /**
     * Names the default task queue (default {@value #DEFAULT_TASK_QUEUE}): the one {@link
     * #registerWorkflowImplementationTypes} and {@link #setActivityImplementations} register on and
     * injected stubs start on. Call it before those.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public Builder setTaskQueue(String taskQueue) {
      if (taskQueue == null || taskQueue.isBlank()) {
        throw new IllegalArgumentException("the task queue must not be blank: " + taskQueue);
      }
      this.taskQueue = taskQueue;
      return this;
    }

    /**
     * Sets the clock's start time of every test (default: now); see {@link WorkflowInitialTime}.
     */
    public Builder setInitialTime(Instant initialTime) {
      this.initialTime = initialTime;
      return this;
    }

    /**
     * Leaves the environment unstarted, so that a test can register more on the injected {@link
     * Worker} and then call {@link WeftTestEnvironment#start()} (default: started).
     */
    public Builder setDoNotStart(boolean doNotStart) {
      this.doNotStart = doNotStart;
      return this;
    }

    /** Turns time skipping on (default) or off; Temporal's name for {@link #timeSkipping}. */
    public Builder setUseTimeskipping(boolean useTimeskipping) {
      return timeSkipping(useTimeskipping);
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

    private List<Registration> on(String queue) {
      return registrations.computeIfAbsent(queue, q -> new ArrayList<>());
    }

    /** Returns the extension. */
    public WeftExtension build() {
      return new WeftExtension(this);
    }
  }
}
