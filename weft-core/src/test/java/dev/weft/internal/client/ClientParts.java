package dev.weft.internal.client;

import dev.weft.common.SearchAttributeType;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.WeftClock;
import dev.weft.engine.WorkerOptions;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.internal.engine.MillisClock;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.engine.StallWatch;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.internal.step.ChildWorkflows;
import dev.weft.internal.step.RunClosures;
import dev.weft.internal.step.RunStarts;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.Store;
import dev.weft.store.sqlite.SqliteStore;
import dev.weft.store.sqlite.SqliteStoreOptions;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;

/** Real collaborators of the client's parts over a SQLite store; queue {@code q} serves Ticket. */
final class ClientParts implements AutoCloseable {
  static final String NODE = "node-1";

  @WorkflowInterface
  public interface Ticket {
    @WorkflowMethod
    void handle(String subject);

    @SignalMethod
    void escalate();
  }

  public static class TicketImpl implements Ticket {
    @Override
    public void handle(String subject) {}

    @Override
    public void escalate() {}
  }

  final Store store;
  final WeftClock clock = new MillisClock(WeftClock.system());
  final EventCodec codec = EventCodec.shared();
  final EventRecords records = new EventRecords(codec);
  final PayloadConverter payloads = new PayloadConverter(new JacksonDataConverter(), null, 1024);
  final TimeOrderedIds ids = new TimeOrderedIds(WeftClock.system());
  final Registry registry = new Registry();
  final SearchAttributeCatalog searchAttributes = new SearchAttributeCatalog();
  final FlowControlView flowControl;
  final StallWatch stalls;
  final RunStarts starts;
  final RunClosures closures;

  ClientParts(Path dir) {
    store = SqliteStore.open(SqliteStoreOptions.at(dir.resolve("weft.db")).withDurable(false));
    flowControl = new FlowControlView(store, Duration.ofMinutes(1));
    stalls = new StallWatch(store, clock, registry, Duration.ofMinutes(1), null);
    starts = new RunStarts(records, codec, stalls);
    closures =
        new RunClosures(
            store,
            clock,
            records,
            new WorkflowCache(10),
            new ChildWorkflows(store, codec, records),
            EngineMetrics.NONE);
    registry.queue("q", WorkerOptions.DEFAULTS).registerWorkflow(Ticket.class, TicketImpl::new);
    searchAttributes.register("Customer", SearchAttributeType.KEYWORD);
  }

  StartPlans plans() {
    return new StartPlans("default", clock, ids, payloads, registry, searchAttributes, starts);
  }

  RunControls controls() {
    return new RunControls(store, clock, NODE, codec, payloads, registry, closures);
  }

  @Override
  public void close() {
    store.close();
  }
}
