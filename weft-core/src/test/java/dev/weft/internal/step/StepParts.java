package dev.weft.internal.step;

import dev.weft.activity.ActivityInterface;
import dev.weft.common.RetryPolicy;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.WeftClock;
import dev.weft.engine.WorkerOptions;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.internal.engine.IdleTracker;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.engine.StallWatch;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.internal.worker.Dispatcher;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.Store;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import dev.weft.workflow.WorkflowInfo;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real collaborators of the step classes: a SQLite store, a registry serving queue {@code q} (its
 * workflows and activity type {@code Charge}) with one slot of each kind, and a dispatcher whose
 * handlers only record what they were given.
 */
final class StepParts implements AutoCloseable {
  static final String NODE = "node-1";
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final WorkflowInfo RUN =
      new WorkflowInfo("default", "order-1", "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b", "Order", "q");
  static final PayloadConverter PAYLOADS =
      new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE);

  @ActivityInterface
  public interface Payments {
    void charge(int cents);
  }

  final Store store;
  final EventCodec codec = EventCodec.shared();
  final EventRecords records = new EventRecords(codec);
  final TimeOrderedIds ids = new TimeOrderedIds(WeftClock.system());
  final Registry registry = new Registry();
  final Dispatcher dispatcher = new Dispatcher(registry, new IdleTracker());
  final FlowControlView flowControl;
  final StallWatch stalls;
  final RunStarts starts;
  final List<WorkflowTaskRecord> ranWorkflowTasks = new CopyOnWriteArrayList<>();
  final List<ActivityTaskState> ranActivities = new CopyOnWriteArrayList<>();

  StepParts(Path dir) {
    store = SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withDurable(false));
    flowControl = new FlowControlView(store, Duration.ofMinutes(1));
    stalls = new StallWatch(store, WeftClock.system(), registry, Duration.ofMinutes(1), null);
    starts = new RunStarts(records, codec, stalls);
    QueueRegistration queue =
        registry.queue("q", WorkerOptions.newBuilder().workflowSlots(1).activitySlots(1).build());
    queue.registerActivities((Payments) cents -> {});
    queue.registerWorkflow(Orders.class, OrdersImpl::new);
  }

  /** Lets the dispatcher lease tasks (an engine does this when it starts). */
  StepParts started() {
    dispatcher.start(
        ranWorkflowTasks::add,
        (task, spec, codeReturned) -> {
          ranActivities.add(task);
          codeReturned.run();
        });
    return this;
  }

  FirstTaskLeases leases() {
    return new FirstTaskLeases(NODE, Duration.ofSeconds(10), flowControl, dispatcher);
  }

  ActivityTasks activityTasks() {
    return new ActivityTasks(NODE, flowControl, dispatcher, stalls);
  }

  ChildWorkflows children() {
    return new ChildWorkflows(store, codec, records);
  }

  WorkflowTaskCommit commit() {
    return new WorkflowTaskCommit(
        records,
        codec,
        NODE,
        new ChildStarts(store, ids, starts),
        children(),
        new WorkflowRetries(ids, starts),
        activityTasks(),
        new ContinuedRuns(ids, starts, leases()),
        new ExternalWorkflows(store, codec));
  }

  static ActivityScheduled charge(long seq, String queue) {
    return new ActivityScheduled(
        seq,
        "Charge",
        queue,
        PAYLOADS.encodeArguments(new Object[] {100}, "in"),
        Duration.ofSeconds(30),
        null,
        null,
        RetryPolicy.DEFAULT,
        null);
  }

  static List<Class<?>> kinds(List<Write> writes) {
    return writes.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Override
  public void close() {
    store.close();
  }

  @WorkflowInterface
  public interface Orders {
    @WorkflowMethod
    void process();
  }

  public static class OrdersImpl implements Orders {
    @Override
    public void process() {}
  }
}
