package dev.weft.internal.client;

import dev.weft.client.WorkflowOptions;
import dev.weft.converter.Payload;
import dev.weft.engine.WeftClock;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.history.EventAttributes;
import dev.weft.history.IndexedValue;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.internal.step.RunStarts;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.RunRecord;
import dev.weft.store.Write;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans what a client start writes, validating everything first: the type is served on the queue
 * (when this node serves it), the input, search attributes and memo convert and fit their limits.
 */
public final class StartPlans {

  /**
   * What a start writes: the run and its start event; the caller adds its first workflow task, due
   * {@code firstTaskAt} (later than {@code now} by the start delay).
   */
  record StartPlan(RunRecord run, List<Write> writes, Instant now, Instant firstTaskAt) {
    boolean delayed() {
      return firstTaskAt.isAfter(now);
    }
  }

  private final String namespace;
  private final WeftClock clock;
  private final TimeOrderedIds ids;
  private final PayloadConverter payloads;
  private final Registry registry;
  private final SearchAttributeCatalog searchAttributes;
  private final RunStarts starts;

  public StartPlans(
      String namespace,
      WeftClock clock,
      TimeOrderedIds ids,
      PayloadConverter payloads,
      Registry registry,
      SearchAttributeCatalog searchAttributes,
      RunStarts starts) {
    this.namespace = namespace;
    this.clock = clock;
    this.ids = ids;
    this.payloads = payloads;
    this.registry = registry;
    this.searchAttributes = searchAttributes;
    this.starts = starts;
  }

  StartPlan plan(String workflowType, WorkflowOptions options, Object[] args) {
    String queue = options.taskQueue();
    Optional<QueueRegistration> served = registry.find(queue);
    if (served.isPresent()
        && served.get().hasWorkflows()
        && served.get().workflow(workflowType) == null) {
      throw new UnknownWorkflowTypeException(workflowType, queue, served.get().workflowTypes());
    }
    Payload input = payloads.encodeArguments(args, "input of workflow '" + workflowType + "'");
    String workflowId = options.workflowId() != null ? options.workflowId() : ids.next();
    String runId = ids.next();
    String where = "the start of workflow '" + workflowType + "'";
    Map<String, IndexedValue> attributes =
        searchAttributes.index(options.searchAttributes(), where);
    Payload memo =
        options.memo().isEmpty()
            ? null
            : payloads.encode(new TreeMap<>(options.memo()), "memo of " + where);
    Instant now = clock.now();
    RunRecord run = RunRecord.started(namespace, workflowId, runId, workflowType, queue, now);
    EventAttributes.WorkflowStarted started =
        new EventAttributes.WorkflowStarted(
            workflowType,
            workflowId,
            queue,
            input,
            null,
            null,
            1,
            options.workflowExecutionTimeout() == null
                ? null
                : now.plus(options.workflowExecutionTimeout()),
            options.workflowRunTimeout(),
            options.retryPolicy(),
            attributes,
            memo,
            options.priority().resolve(null),
            true);
    return new StartPlan(
        run,
        starts.writes(
            run, started, RunStarts.conflictingStatuses(options.idReusePolicy()), now, now),
        now,
        now.plus(options.startDelay()));
  }
}
