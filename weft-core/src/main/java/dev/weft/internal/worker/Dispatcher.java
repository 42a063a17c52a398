package dev.weft.internal.worker;

import dev.weft.internal.codec.ActivitySpec;
import dev.weft.internal.engine.EagerDispatch;
import dev.weft.internal.engine.IdleTracker;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.engine.StoreOutages;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.TaskKind;
import dev.weft.store.WorkflowTaskRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on this node within each queue's worker slots, whether a poller claimed them or the
 * engine leased them to itself when it created them (eager dispatch). One semaphore per queue and
 * kind bounds both paths together.
 */
public final class Dispatcher implements EagerDispatch {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Registry registry;
  private final IdleTracker idle;
  private final Map<String, Semaphore> workflowSlots = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> activitySlots = new ConcurrentHashMap<>();
  private final Map<String, ResourceGuard> guards = new ConcurrentHashMap<>();
  private volatile Consumer<WorkflowTaskRecord> workflowHandler;
  private volatile ActivityWork activityHandler;

  /** Runs an activity attempt on this node. */
  @FunctionalInterface
  public interface ActivityWork {
    /**
     * Runs the attempt and records its outcome.
     *
     * @param spec the task's spec when the caller has it in memory, or null
     * @param codeReturned to be called once the activity's code has returned (or thrown), before
     *     the outcome is recorded: it gives the attempt's slot back
     */
    void run(ActivityTaskState task, ActivitySpec spec, Runnable codeReturned);
  }

  public Dispatcher(Registry registry, IdleTracker idle) {
    this.registry = registry;
    this.idle = idle;
  }

  /**
   * Sets the handlers tasks run with; until then, nothing is reserved for eager dispatch. They are
   * set when the engine starts rather than passed to the constructor, because the handlers commit
   * through this dispatcher (their commits lease new tasks to it).
   */
  public void start(Consumer<WorkflowTaskRecord> workflows, ActivityWork activities) {
    this.workflowHandler = workflows;
    this.activityHandler = activities;
  }

  /** Returns the slots of a queue served here, or null. */
  Semaphore slots(TaskKind kind, String queue) {
    QueueRegistration q = registry.find(queue).orElse(null);
    if (q == null) {
      return null;
    }
    return kind == TaskKind.WORKFLOW
        ? workflowSlots.computeIfAbsent(queue, k -> new Semaphore(q.options().workflowSlots()))
        : activitySlots.computeIfAbsent(queue, k -> new Semaphore(q.options().activitySlots()));
  }

  /**
   * Returns whether this node may take another task of a queue it serves now: false while the JVM
   * is above the queue's {@link dev.weft.engine.ResourceLimits}.
   */
  boolean mayTake(String queue) {
    QueueRegistration q = registry.find(queue).orElse(null);
    if (q == null || !q.options().resourceLimits().isLimited()) {
      return true;
    }
    return guards
        .computeIfAbsent(queue, k -> ResourceGuard.of(k, q.options().resourceLimits()))
        .allows();
  }

  /**
   * Takes a slot to run a task of this kind on this node at once, if this node is started, serves
   * the queue (and, for an activity, its type), has a free slot and is within the queue's resource
   * limits.
   */
  @Override
  public boolean tryReserve(TaskKind kind, String queue, String activityType) {
    if (workflowHandler == null) {
      return false;
    }
    QueueRegistration q = registry.find(queue).orElse(null);
    if (q == null
        || (kind == TaskKind.WORKFLOW ? !q.hasWorkflows() : q.activity(activityType) == null)) {
      return false;
    }
    return mayTake(queue) && slots(kind, queue).tryAcquire();
  }

  /** Gives back a slot taken by {@link #tryReserve} that will not be used. */
  @Override
  public void release(TaskKind kind, String queue) {
    slots(kind, queue).release();
  }

  /** Runs a workflow task whose slot is already taken; the slot is released when it ends. */
  @Override
  public void run(WorkflowTaskRecord task) {
    submit(
        TaskKind.WORKFLOW,
        task.taskQueue(),
        () -> workflowHandler.accept(task),
        () -> slots(TaskKind.WORKFLOW, task.taskQueue()).release());
  }

  /** Runs a claimed activity attempt; its slot is already taken and is released when it ends. */
  public void run(ActivityTaskState task) {
    run(task, null);
  }

  /**
   * Runs an activity attempt whose slot is already taken, with its spec when the caller has it in
   * memory (eager dispatch) so it is not decoded again. The slot is released as soon as the
   * activity's code returned: slots bound the activity code running at once, not the commits of
   * outcomes, which queue for the store's writer (a slot held through that wait kept no-op
   * activities from starting here, so other nodes claimed them and had to replay their runs).
   */
  @Override
  public void run(ActivityTaskState task, ActivitySpec spec) {
    String queue = task.task().taskQueue();
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            slots(TaskKind.ACTIVITY, queue).release();
          }
        };
    submit(TaskKind.ACTIVITY, queue, () -> activityHandler.run(task, spec, release), release);
  }

  private void submit(TaskKind kind, String queue, Runnable work, Runnable releaseSlot) {
    idle.enter();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                work.run();
              } catch (Throwable t) {
                if (StoreOutages.isOutage(t)) {
                  log.debug("a {} task of queue {} stopped: the store is unavailable", kind, queue);
                } else {
                  log.error("a {} task of queue {} failed", kind, queue, t);
                }
              } finally {
                releaseSlot.run();
                idle.exit();
              }
            });
  }
}
