package dev.weft.internal.runtime;

import dev.weft.activity.ActivityOptions;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.SearchAttributeKey;
import dev.weft.common.SearchAttributeUpdate;
import dev.weft.common.SearchAttributes;
import dev.weft.history.EventAttributes;
import dev.weft.internal.definition.ActivityDefinition;
import dev.weft.internal.definition.WorkflowDefinition;
import dev.weft.workflow.ActivityStub;
import dev.weft.workflow.CancellationScope;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.ChildWorkflowStub;
import dev.weft.workflow.CompletablePromise;
import dev.weft.workflow.ContinueAsNewOptions;
import dev.weft.workflow.Promise;
import dev.weft.workflow.TimerOptions;
import dev.weft.workflow.WorkflowInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The implementation behind the static {@code dev.weft.workflow.Workflow} API. */
public final class WorkflowInternal {
  private WorkflowInternal() {}

  private static WorkflowRunner runner(String operation) {
    return WorkflowThreadContext.current(operation).runner;
  }

  /** Returns the scope of the calling coroutine, which must be workflow code that may block. */
  private static ScopeNode blockingScope(String operation) {
    return WorkflowThreadContext.current(operation).blockingCoroutine(operation).scope;
  }

  /** See {@code Workflow.now()}. */
  public static Instant now() {
    return runner("Workflow.now()").now();
  }

  /** See {@code Workflow.random()}. */
  public static Random random() {
    return runner("Workflow.random()").random();
  }

  /** See {@code Workflow.randomUUID()}. */
  public static UUID randomUuid() {
    return runner("Workflow.randomUUID()").randomUuid();
  }

  /** See {@code Workflow.isReplaying()}. */
  public static boolean isReplaying() {
    return runner("Workflow.isReplaying()").isReplaying();
  }

  /** See {@code Workflow.getInfo()}. */
  public static WorkflowInfo info() {
    WorkflowRunner runner = runner("Workflow.getInfo()");
    WorkflowInfo info = runner.info();
    EventAttributes.WorkflowStarted started = runner.started();
    if (started == null) {
      return info;
    }
    return new WorkflowInfo(
        info.namespace(),
        info.workflowId(),
        info.runId(),
        info.workflowType(),
        info.taskQueue(),
        Math.max(1, started.attempt()),
        started.continuedFromRunId());
  }

  /** See {@code WorkflowInfo.getHistoryLength()} and the methods beside it. */
  public static long[] historyInfo(String operation) {
    WorkflowRunner runner = runner(operation);
    blockingScope(operation);
    HistoryInfo.Snapshot s = runner.historyInfo().current();
    return new long[] {s.length(), s.size(), s.continueAsNewSuggested() ? 1 : 0};
  }

  /** See {@code Workflow.registerListener()}. */
  public static void registerListener(Object listener) {
    WorkflowRunner runner = runner("Workflow.registerListener()");
    blockingScope("Workflow.registerListener");
    runner.handlers().registerListener(listener);
  }

  /** See {@code Workflow.sleep()}. */
  public static void sleep(Duration duration, String summary) {
    WorkflowRunner runner = runner("Workflow.sleep()");
    runner.calls().startTimer(blockingScope("starting a timer"), duration, summary).promise().get();
  }

  /** See {@code Workflow.getVersion()}. */
  public static int getVersion(String changeId, int minSupported, int maxSupported) {
    WorkflowRunner runner = runner("Workflow.getVersion()");
    blockingScope("Workflow.getVersion");
    return runner.markers().getVersion(changeId, minSupported, maxSupported);
  }

  /** See {@code Workflow.continueAsNew()}. */
  public static void continueAsNew(ContinueAsNewOptions options, Object[] args) {
    WorkflowRunner runner = runner("Workflow.continueAsNew()");
    blockingScope("Workflow.continueAsNew");
    throw runner.instance().continueAsNew(null, options, args);
  }

  /** See {@code Workflow.newContinueAsNewStub()}. */
  public static <T> T newContinueAsNewStub(Class<T> iface, ContinueAsNewOptions options) {
    WorkflowDefinition definition = WorkflowDefinition.of(iface);
    if (options == null) {
      throw new IllegalArgumentException("continue-as-new options must not be null");
    }
    return stub(
        iface,
        (method, args) -> {
          if (!method.equals(definition.workflowMethod())) {
            throw new IllegalArgumentException(
                "a continue-as-new stub only continues the workflow: call its workflow method "
                    + definition.workflowMethod().getName()
                    + "(), not "
                    + method.getName()
                    + "()");
          }
          WorkflowRunner runner = runner("continuing as new");
          blockingScope("continuing as new");
          throw runner
              .instance()
              .continueAsNew(definition.type(), options, args == null ? new Object[0] : args);
        });
  }

  /** See {@code Workflow.newTimer()}. */
  public static Promise<Void> newTimer(Duration duration, TimerOptions options) {
    WorkflowRunner runner = runner("Workflow.newTimer()");
    return runner
        .calls()
        .startTimer(blockingScope("starting a timer"), duration, options.summary())
        .promise();
  }

  /** See {@code Workflow.await(condition)}. */
  public static void await(BooleanSupplier condition) {
    runner("Workflow.await()").concurrency().await(condition);
  }

  /** See {@code Workflow.await(timeout, condition)}. */
  public static boolean await(Duration timeout, BooleanSupplier condition) {
    return runner("Workflow.await()").concurrency().await(timeout, condition);
  }

  /** See {@code Workflow.async()}. */
  public static <T> Promise<T> async(Supplier<T> fn) {
    return runner("Workflow.async()").concurrency().async("async", fn);
  }

  /** See {@code Workflow.newPromise()}. */
  public static <T> CompletablePromise<T> newPromise() {
    runner("Workflow.newPromise()");
    return new WorkflowPromise<>();
  }

  /** See {@code Workflow.sideEffect()}. */
  public static <R> R sideEffect(Type type, Supplier<R> fn) {
    WorkflowRunner runner = runner("Workflow.sideEffect()");
    blockingScope("Workflow.sideEffect");
    return runner.markers().sideEffect(type, fn);
  }

  /** See {@code Workflow.upsertSearchAttributes()}. */
  public static void upsertSearchAttributes(Map<String, ?> changes) {
    WorkflowRunner runner = runner("Workflow.upsertSearchAttributes()");
    blockingScope("Workflow.upsertSearchAttributes");
    runner.markers().upsertSearchAttributes(changes);
  }

  /** See {@code Workflow.upsertTypedSearchAttributes()}. */
  public static void upsertTypedSearchAttributes(List<SearchAttributeUpdate<?>> updates) {
    WorkflowRunner runner = runner("Workflow.upsertTypedSearchAttributes()");
    blockingScope("Workflow.upsertTypedSearchAttributes");
    runner.markers().upsertTypedSearchAttributes(updates);
  }

  /** See {@code Workflow.getTypedSearchAttributes()}. */
  @SuppressWarnings("unchecked")
  public static SearchAttributes typedSearchAttributes() {
    SearchAttributes.Builder builder = SearchAttributes.newBuilder();
    runner("Workflow.getTypedSearchAttributes()")
        .markers()
        .searchAttributes()
        .forEach(
            (name, v) ->
                builder.set(
                    (SearchAttributeKey<Object>) SearchAttributeKey.of(name, v.type()),
                    v.javaValue()));
    return builder.build();
  }

  /** See {@code Workflow.getSearchAttributes()}. */
  public static Map<String, Object> searchAttributes() {
    Map<String, Object> result = new TreeMap<>();
    runner("Workflow.getSearchAttributes()")
        .markers()
        .searchAttributes()
        .forEach((name, v) -> result.put(name, v.javaValue()));
    return result;
  }

  /** See {@code Workflow.newCancellationScope()}. */
  public static CancellationScope newCancellationScope(boolean detached, Runnable body) {
    return runner("Workflow.newCancellationScope()").concurrency().newScope(detached, body);
  }

  /** See {@code CancellationScope.current()}. */
  public static CancellationScope currentScope() {
    return runner("CancellationScope.current()").concurrency().currentScope();
  }

  /** See {@code Workflow.newActivityStub()}. */
  public static <T> T newActivityStub(Class<T> iface, ActivityOptions options) {
    ActivityDefinition definition = ActivityDefinition.of(iface);
    return stub(
        iface,
        (method, args) ->
            runner("calling an activity")
                .calls()
                .scheduleActivity(
                    blockingScope("calling an activity"),
                    definition.typeOf(method),
                    method.getGenericReturnType(),
                    args,
                    options));
  }

  /** See {@code Workflow.newLocalActivityStub()}. */
  public static <T> T newLocalActivityStub(Class<T> iface, LocalActivityOptions options) {
    ActivityDefinition definition = ActivityDefinition.of(iface);
    return stub(
        iface,
        (method, args) ->
            runner("calling a local activity")
                .localActivities()
                .schedule(
                    blockingScope("calling a local activity"),
                    definition.typeOf(method),
                    method.getGenericReturnType(),
                    args,
                    options));
  }

  /** See {@code Workflow.newChildWorkflowStub()}. */
  public static <T> T newChildWorkflowStub(Class<T> iface, ChildWorkflowOptions options) {
    WorkflowDefinition definition = WorkflowDefinition.of(iface);
    return stub(
        iface,
        (method, args) -> {
          if (!method.equals(definition.workflowMethod())) {
            throw new IllegalArgumentException(
                "a child workflow stub only starts the child: call its workflow method "
                    + definition.workflowMethod().getName()
                    + "(), not "
                    + method.getName()
                    + "()");
          }
          return runner("starting a child workflow")
              .calls()
              .startChildWorkflow(
                  blockingScope("starting a child workflow"),
                  definition.type(),
                  method.getGenericReturnType(),
                  args,
                  options);
        });
  }

  /** See {@code Workflow.newUntypedChildWorkflowStub()}. */
  public static ChildWorkflowStub newUntypedChildWorkflowStub(
      String workflowType, ChildWorkflowOptions options) {
    runner("making a child workflow stub");
    return new UntypedChildWorkflowStub(workflowType, options);
  }

  /**
   * Returns a stub of {@code iface} whose methods hand the method and its arguments to {@code call}
   * and wait for the promise it returns.
   */
  private static <T> T stub(Class<T> iface, BiFunction<Method, Object[], Promise<Object>> call) {
    Object proxy =
        Proxy.newProxyInstance(
            iface.getClassLoader(),
            new Class<?>[] {iface},
            (p, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return objectMethod(iface, p, method, args);
              }
              return call.apply(method, args).get();
            });
    return iface.cast(proxy);
  }

  /** See {@code Workflow.newUntypedActivityStub()}. */
  public static ActivityStub newUntypedActivityStub(ActivityOptions options) {
    return new ActivityStub() {
      @Override
      public <R> R execute(String activityType, Class<R> resultType, Object... args) {
        return executeAsync(activityType, resultType, resultType, args).get();
      }

      @Override
      public <R> Promise<R> executeAsync(String activityType, Class<R> resultType, Object... args) {
        return executeAsync(activityType, resultType, resultType, args);
      }

      @Override
      public <R> Promise<R> executeAsync(
          String activityType, Class<R> resultType, Type genericResultType, Object... args) {
        return runner("calling an activity")
            .calls()
            .scheduleActivity(
                blockingScope("calling an activity"),
                activityType,
                genericResultType,
                args,
                options);
      }
    };
  }

  private static Object objectMethod(Class<?> iface, Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "ActivityStub[" + iface.getSimpleName() + "]";
    };
  }
}
