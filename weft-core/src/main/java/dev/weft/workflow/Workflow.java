package dev.weft.workflow;

import dev.weft.activity.ActivityOptions;
import dev.weft.activity.LocalActivityOptions;
import dev.weft.common.SearchAttributeUpdate;
import dev.weft.common.SearchAttributes;
import dev.weft.internal.codec.CheckedExceptionWrapper;
import dev.weft.internal.runtime.ExternalWorkflowStubs;
import dev.weft.internal.runtime.ReplaySafeLogger;
import dev.weft.internal.runtime.WorkflowInternal;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API of workflow code: everything a workflow does that is not pure computation goes through
 * here, so that replaying the run's history reproduces it exactly.
 *
 * <pre>{@code
 * public class EmailSubscription implements SubscriptionWorkflow {
 *   private final EmailActivities email = Workflow.newActivityStub(EmailActivities.class,
 *       ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofMinutes(1)).build());
 *
 *   public void subscribe(String customer) {
 *     email.sendWelcome(customer);
 *     Workflow.sleep(Duration.ofDays(7)); // durable: survives restarts
 *     email.sendFollowUp(customer);
 *   }
 * }
 * }</pre>
 *
 * <p>Every method throws {@link IllegalStateException} when called outside workflow code.
 */
public final class Workflow {
  /** What {@link #getVersion} returns for a run that got past the change before it existed. */
  public static final int DEFAULT_VERSION = -1;

  private Workflow() {}

  /**
   * Lets workflow code throw a checked exception it cannot declare: {@code throw Workflow.wrap(e)}.
   * Like any exception that is not a {@code WeftFailure}, it fails the workflow task, which is
   * retried (treated as a bug to fix, as in Temporal); the failure recorded names the checked
   * exception's class, not the wrapper's. To fail the run, throw {@code ApplicationFailure}. An
   * unchecked exception is returned unchanged; an {@link Error} is rethrown. Unlike the other
   * methods here, this one also works outside workflow code.
   */
  public static RuntimeException wrap(Throwable e) {
    return CheckedExceptionWrapper.wrap(e);
  }

  /**
   * Returns a stub whose method calls schedule activities and wait for their results. A failed
   * activity throws {@code ActivityFailure}. To call without waiting, wrap the call in {@link
   * #async}.
   */
  public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
    return WorkflowInternal.newActivityStub(activityInterface, options);
  }

  /**
   * Returns a stub whose workflow method starts a child workflow and waits for its result. The
   * child is a workflow of its own (its own history, visible to the client), linked to this run:
   * its outcome comes back here, a failure as {@code ChildWorkflowFailure}, and when this run
   * closes first, the options' {@link ParentClosePolicy} applies. To start a child without waiting,
   * wrap the call in {@link #async}. A child whose workflow ID is taken fails at once with a {@code
   * ChildWorkflowFailure} whose cause is of type {@code WorkflowAlreadyStarted}.
   */
  public static <T> T newChildWorkflowStub(
      Class<T> workflowInterface, ChildWorkflowOptions options) {
    return WorkflowInternal.newChildWorkflowStub(workflowInterface, options);
  }

  /**
   * Returns a stub that starts one child workflow by type name, for children without a Java
   * interface here (implemented elsewhere, or chosen at run time). The child is linked to this run
   * as with {@link #newChildWorkflowStub}.
   */
  public static ChildWorkflowStub newUntypedChildWorkflowStub(
      String workflowType, ChildWorkflowOptions options) {
    return WorkflowInternal.newUntypedChildWorkflowStub(workflowType, options);
  }

  /** Returns an untyped child workflow stub with {@link ChildWorkflowOptions#DEFAULTS}. */
  public static ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType) {
    return newUntypedChildWorkflowStub(workflowType, ChildWorkflowOptions.DEFAULTS);
  }

  /** Returns a child workflow stub with {@link ChildWorkflowOptions#DEFAULTS}. */
  public static <T> T newChildWorkflowStub(Class<T> workflowInterface) {
    return newChildWorkflowStub(workflowInterface, ChildWorkflowOptions.DEFAULTS);
  }

  /**
   * Returns a stub whose {@code @SignalMethod} calls signal another workflow (its current run), by
   * workflow ID. Each call waits until the signal is in the target's inbox and throws {@link
   * dev.weft.failure.SignalExternalWorkflowException} if no run with the ID exists or it is closed.
   * The signal is recorded in this run's history and sent exactly once, in the transaction that
   * commits the workflow task. Other methods of the interface throw {@link
   * IllegalArgumentException}; to cancel the target use {@link ExternalWorkflowStub#fromTyped}.
   *
   * <pre>{@code
   * OrderWorkflow order = Workflow.newExternalWorkflowStub(OrderWorkflow.class, "order-42");
   * order.paymentReceived(1250);
   * }</pre>
   *
   * @throws IllegalArgumentException if the workflow ID is null or blank
   * @throws dev.weft.failure.InvalidDefinitionException if the interface is not a valid workflow
   *     interface
   */
  public static <T> T newExternalWorkflowStub(Class<T> workflowInterface, String workflowId) {
    return ExternalWorkflowStubs.typed(workflowInterface, workflowId, null);
  }

  /**
   * Like {@link #newExternalWorkflowStub(Class, String)}, bound to one run: signals fail once that
   * run closed, even if the workflow ID has a newer run.
   */
  public static <T> T newExternalWorkflowStub(
      Class<T> workflowInterface, String workflowId, String runId) {
    return ExternalWorkflowStubs.typed(workflowInterface, workflowId, runId);
  }

  /**
   * Returns a stub that signals or cancels another workflow (its current run) by signal name.
   *
   * <pre>{@code
   * ExternalWorkflowStub other = Workflow.newUntypedExternalWorkflowStub("order-42");
   * other.signal("paymentReceived", 1250);
   * other.cancel();
   * }</pre>
   *
   * @throws IllegalArgumentException if the workflow ID is null or blank
   */
  public static ExternalWorkflowStub newUntypedExternalWorkflowStub(String workflowId) {
    return ExternalWorkflowStubs.untyped(workflowId, null);
  }

  /** Like {@link #newUntypedExternalWorkflowStub(String)}, bound to one run. */
  public static ExternalWorkflowStub newUntypedExternalWorkflowStub(
      String workflowId, String runId) {
    return ExternalWorkflowStubs.untyped(workflowId, runId);
  }

  /**
   * Sets and removes search attributes of this run, so that lists can find it by them: a null value
   * removes the attribute, others keep their values. Each name must be registered on the engine and
   * each value must fit its type; otherwise this throws {@link IllegalArgumentException} and the
   * workflow task fails (and is retried) until the code is fixed.
   *
   * <pre>{@code
   * Workflow.upsertSearchAttributes(Map.of("OrderStage", "shipped", "ItemsLeft", 0L));
   * }</pre>
   */
  public static void upsertSearchAttributes(Map<String, ?> changes) {
    WorkflowInternal.upsertSearchAttributes(changes);
  }

  /**
   * Sets and removes search attributes of this run by typed keys, Temporal's way: no null in a map
   * to remove one. Each key's type must be the type its attribute is registered with, each name may
   * appear once; otherwise this throws {@link IllegalArgumentException} and the workflow task fails
   * (and is retried) until the code is fixed. Recorded in history like {@link
   * #upsertSearchAttributes}.
   *
   * <pre>{@code
   * static final SearchAttributeKey<List<String>> TAGS = SearchAttributeKey.forKeywordList("Tags");
   * static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("OrderStage");
   *
   * Workflow.upsertTypedSearchAttributes(TAGS.valueSet(List.of("vip")), STAGE.valueUnset());
   * }</pre>
   */
  public static void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates) {
    WorkflowInternal.upsertTypedSearchAttributes(List.of(updates));
  }

  /**
   * Returns this run's current search attributes as typed values (date-times as Instant, readable
   * with an {@code OffsetDateTime} key too).
   */
  public static SearchAttributes getTypedSearchAttributes() {
    return WorkflowInternal.typedSearchAttributes();
  }

  /**
   * Returns this run's current search attributes (those it started with and those it upserted), in
   * name order, as String, Long, Double, Boolean, Instant or List&lt;String&gt; (KEYWORD_LIST)
   * values.
   */
  public static Map<String, Object> getSearchAttributes() {
    return WorkflowInternal.searchAttributes();
  }

  /**
   * Returns a stub whose method calls run local activities: in this worker, inside the workflow
   * task, without a task-queue round trip, recorded once in history (see {@link
   * LocalActivityOptions}). The activity implementations must be registered on the workflow's own
   * task queue. A failed local activity throws {@code ActivityFailure}.
   */
  public static <T> T newLocalActivityStub(
      Class<T> activityInterface, LocalActivityOptions options) {
    return WorkflowInternal.newLocalActivityStub(activityInterface, options);
  }

  /** Returns a stub that calls activities by type name. */
  public static ActivityStub newUntypedActivityStub(ActivityOptions options) {
    return WorkflowInternal.newUntypedActivityStub(options);
  }

  /**
   * Returns the current time of the workflow: the time of the workflow task that is running (the
   * same on replay). Never use {@code Instant.now()} in workflow code.
   */
  public static Instant now() {
    return WorkflowInternal.now();
  }

  /** Returns a random generator seeded from the run, so replay draws the same numbers. */
  public static Random random() {
    return WorkflowInternal.random();
  }

  /** Returns a UUID drawn from {@link #random()}: deterministic per run. */
  public static UUID randomUUID() {
    return WorkflowInternal.randomUuid();
  }

  /** Sleeps durably: a timer in the store, which survives restarts. Cancellable. */
  public static void sleep(Duration duration) {
    WorkflowInternal.sleep(duration, null);
  }

  /**
   * Sleeps durably, with a short user-facing summary of what the run waits for, recorded in the
   * {@code TimerStarted} event and shown with the pending timer in describe.
   *
   * <pre>{@code
   * Workflow.sleep(Duration.ofDays(7), "trial period");
   * }</pre>
   *
   * @throws IllegalArgumentException if the summary is blank
   */
  public static void sleep(Duration duration, String summary) {
    WorkflowInternal.sleep(duration, new TimerOptions(summary).summary());
  }

  /** Returns a promise that completes after {@code duration} (a durable timer). */
  public static Promise<Void> newTimer(Duration duration) {
    return WorkflowInternal.newTimer(duration, TimerOptions.DEFAULTS);
  }

  /** Returns a promise that completes after {@code duration}, a timer with options (a summary). */
  public static Promise<Void> newTimer(Duration duration, TimerOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("timer options must not be null");
    }
    return WorkflowInternal.newTimer(duration, options);
  }

  /**
   * Waits until {@code condition} holds. The condition is re-evaluated whenever the workflow's
   * state may have changed (a signal, an activity result); it must only read workflow state.
   *
   * @throws dev.weft.failure.CanceledFailure if the current cancellation scope is cancelled
   */
  public static void await(BooleanSupplier condition) {
    WorkflowInternal.await(condition);
  }

  /**
   * Waits until {@code condition} holds or {@code timeout} passes (a durable timer).
   *
   * @return whether the condition holds
   */
  public static boolean await(Duration timeout, BooleanSupplier condition) {
    return WorkflowInternal.await(timeout, condition);
  }

  /**
   * Runs {@code fn} as a new workflow thread and returns the promise of its result. Threads run one
   * at a time in a deterministic order; use this for parallel activities and timers.
   */
  public static <T> Promise<T> async(Supplier<T> fn) {
    return WorkflowInternal.async(fn);
  }

  /** Runs {@code proc} as a new workflow thread; the promise completes when it returns. */
  public static Promise<Void> async(Runnable proc) {
    return WorkflowInternal.async(
        () -> {
          proc.run();
          return null;
        });
  }

  /** Returns a promise that workflow code completes itself (for example from a signal). */
  public static <T> CompletablePromise<T> newPromise() {
    return WorkflowInternal.newPromise();
  }

  /**
   * Runs a short non-deterministic function (a random ID, a configuration read) once and records
   * its result; replay returns the recorded value instead of running it again.
   */
  public static <R> R sideEffect(Class<R> resultType, Supplier<R> fn) {
    return WorkflowInternal.sideEffect(resultType, fn);
  }

  /** Like {@link #sideEffect(Class, Supplier)}, for a generic result type. */
  public static <R> R sideEffect(Type resultType, Supplier<R> fn) {
    return WorkflowInternal.sideEffect(resultType, fn);
  }

  /**
   * Returns a scope, nested in the current one, whose {@link CancellationScope#run()} runs body.
   */
  public static CancellationScope newCancellationScope(Runnable body) {
    return WorkflowInternal.newCancellationScope(false, body);
  }

  /**
   * Returns a scope that is not cancelled with the current one: for cleanup that must run after
   * cancellation, such as compensations.
   */
  public static CancellationScope newDetachedCancellationScope(Runnable body) {
    return WorkflowInternal.newCancellationScope(true, body);
  }

  /** Returns the cancellation scope the calling workflow thread runs in. */
  public static CancellationScope currentCancellationScope() {
    return WorkflowInternal.currentScope();
  }

  /**
   * Lets workflow code change safely under running workflows. A run that reaches this call for the
   * first time records {@code maxSupported} and gets it, now and on every replay; a run that got
   * past this point before the call existed gets {@link #DEFAULT_VERSION}. Branch on the result:
   *
   * <pre>{@code
   * int version = Workflow.getVersion("charge-before-ship", Workflow.DEFAULT_VERSION, 1);
   * if (version == Workflow.DEFAULT_VERSION) {
   *   shipping.ship(order);         // the old order of steps, for runs already past this point
   *   payments.charge(order);
   * } else {
   *   payments.charge(order);       // the new order
   *   shipping.ship(order);
   * }
   * }</pre>
   *
   * Once no run on the old path remains, raise {@code minSupported} and delete the old branch.
   *
   * @throws dev.weft.failure.UnsupportedVersionException (failing the workflow task, not the run)
   *     if the run's version is outside {@code [minSupported, maxSupported]}
   */
  public static int getVersion(String changeId, int minSupported, int maxSupported) {
    return WorkflowInternal.getVersion(changeId, minSupported, maxSupported);
  }

  /**
   * Ends this run and starts a new run of the same workflow ID and type with {@code args} as its
   * input and an empty history, in one transaction. The way to keep histories short in workflows
   * that loop for a long time (a catch-up over many items, a subscription renewing every month).
   * Never returns. Clients awaiting the workflow's result follow to the new run.
   *
   * <pre>{@code
   * public void catchUp(long from, long to) {
   *   long end = Math.min(to, from + 1_000);
   *   process(from, end);
   *   if (end < to) {
   *     Workflow.continueAsNew(end, to);
   *   }
   * }
   * }</pre>
   */
  public static void continueAsNew(Object... args) {
    WorkflowInternal.continueAsNew(ContinueAsNewOptions.DEFAULTS, args);
  }

  /**
   * Like {@link #continueAsNew(Object...)}, with the new run on another task queue or with another
   * run timeout.
   */
  public static void continueAsNew(ContinueAsNewOptions options, Object... args) {
    if (options == null) {
      throw new IllegalArgumentException("continue-as-new options must not be null");
    }
    WorkflowInternal.continueAsNew(options, args);
  }

  /**
   * Returns a stub whose workflow method continues this run as new with the call's arguments: a
   * type-checked {@link #continueAsNew(Object...)}. The call never returns. The new run is of the
   * interface's workflow type, which may differ from this run's (it must be registered on the new
   * run's queue); every other method throws {@link IllegalArgumentException}.
   *
   * <pre>{@code
   * if (Workflow.getInfo().isContinueAsNewSuggested()) {
   *   Workflow.newContinueAsNewStub(CatchUp.class).catchUp(next, to);
   * }
   * }</pre>
   */
  public static <T> T newContinueAsNewStub(Class<T> workflowInterface) {
    return WorkflowInternal.newContinueAsNewStub(workflowInterface, ContinueAsNewOptions.DEFAULTS);
  }

  /** Like {@link #newContinueAsNewStub(Class)}, with options for the new run. */
  public static <T> T newContinueAsNewStub(
      Class<T> workflowInterface, ContinueAsNewOptions options) {
    return WorkflowInternal.newContinueAsNewStub(workflowInterface, options);
  }

  /** Returns what the run knows about itself. */
  public static WorkflowInfo getInfo() {
    return WorkflowInternal.info();
  }

  /**
   * Registers a dynamic handler: a {@link DynamicSignalHandler}, {@link DynamicQueryHandler} or
   * {@link DynamicUpdateHandler} (or an object that is several of them), which receives the
   * signals, queries or updates the workflow interface does not declare (all of them in a {@link
   * DynamicWorkflow}). It replaces an earlier handler of the same kind. Signals that arrived before
   * a signal handler was registered are handed to it now, in arrival order; updates that arrive
   * before an update handler is registered are rejected.
   *
   * <pre>{@code
   * Workflow.registerListener(
   *     (DynamicSignalHandler) (name, args) -> events.add(name + ":" + args.get(0, String.class)));
   * }</pre>
   *
   * <p>For a workflow type registered with an interface, the client still refuses signal and update
   * names the interface does not declare (a typo check); other workflows' external stubs and
   * dynamic workflows reach the dynamic handlers with any name.
   *
   * @throws IllegalArgumentException if the listener is none of these types
   */
  public static void registerListener(Object listener) {
    WorkflowInternal.registerListener(listener);
  }

  /**
   * Returns a logger for workflow code that drops every line while the code is replayed, so that a
   * run rebuilt from its history (after a cache eviction, a restart, or on another node) logs
   * nothing twice. Each line it passes on carries the run in the MDC: {@code WorkflowId}, {@code
   * RunId}, {@code WorkflowType}, {@code TaskQueue} (Temporal's keys). Its {@code isXxxEnabled()}
   * methods return false while replaying. May be kept in a static field; outside workflow code it
   * logs like {@code LoggerFactory.getLogger(type)}.
   *
   * <pre>{@code
   * private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);
   * ...
   * log.info("charging {} cents", amount); // once per run, not once per replay
   * }</pre>
   */
  public static Logger getLogger(Class<?> type) {
    return new ReplaySafeLogger(LoggerFactory.getLogger(type));
  }

  /** Like {@link #getLogger(Class)}, by logger name. */
  public static Logger getLogger(String name) {
    return new ReplaySafeLogger(LoggerFactory.getLogger(name));
  }

  /**
   * Returns whether the code is being replayed from history (as opposed to running for the first
   * time). Use it only to skip logging and metrics during replay, never to change behaviour.
   */
  public static boolean isReplaying() {
    return WorkflowInternal.isReplaying();
  }
}
