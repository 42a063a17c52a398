package dev.weft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks, through the client, that every workflow of a test ran exactly once and completed with its
 * expected result, that every scheduled activity has exactly one recorded result, and that every
 * history's event IDs are 1..N without a gap or duplicate.
 */
final class HistoryAudit {
  private static final int READERS = 8;
  private static final JacksonDataConverter CONVERTER = new JacksonDataConverter();

  /**
   * What the audit read.
   *
   * @param runs the runs checked
   * @param events their history events
   * @param recordedAttempts for each step ({@code runId#seq}), the attempt whose result was
   *     recorded
   */
  record Result(int runs, long events, Map<String, Integer> recordedAttempts) {
    /** How many recorded results came from an attempt after the first. */
    long retriedResults() {
      return recordedAttempts.values().stream().filter(a -> a > 1).count();
    }
  }

  private HistoryAudit() {}

  /** Audits the runs of {@code workflowIds}, which all have {@code shape}; fails on any problem. */
  static Result verify(WeftClient client, List<String> workflowIds, WorkflowShape shape)
      throws Exception {
    List<WorkflowSummary> runs = listAll(client);
    assertThat(runs)
        .extracting(WorkflowSummary::workflowId)
        .as("one run per workflow, no other run")
        .containsExactlyInAnyOrderElementsOf(workflowIds);
    assertThat(runs)
        .filteredOn(run -> run.status() != WorkflowStatus.COMPLETED)
        .as("runs not COMPLETED")
        .isEmpty();
    Result result = audit(client, runs, shape);
    assertThat(result.recordedAttempts()).hasSize(workflowIds.size() * shape.steps());
    return result;
  }

  /**
   * Audits the histories of {@code runs}, which all have {@code shape}: each completed with its
   * expected result and recorded one result per activity; fails on any problem.
   */
  static Result audit(WeftClient client, List<WorkflowSummary> runs, WorkflowShape shape)
      throws Exception {
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> attempts = new ConcurrentHashMap<>();
    long events = 0;
    try (ExecutorService readers = Executors.newFixedThreadPool(READERS)) {
      List<Future<Integer>> reads = new ArrayList<>();
      for (WorkflowSummary run : runs) {
        reads.add(
            readers.submit(
                () -> {
                  WorkflowHistory history =
                      client.getHandle(run.workflowId(), run.runId()).fetchHistory();
                  problems.addAll(check(history, shape, attempts));
                  return history.events().size();
                }));
      }
      for (Future<Integer> read : reads) {
        events += read.get();
      }
    }
    assertThat(problems).as("problems in histories (%d)", problems.size()).isEmpty();
    assertThat(attempts).hasSize(runs.size() * shape.steps());
    return new Result(runs.size(), events, Map.copyOf(attempts));
  }

  private static List<WorkflowSummary> listAll(WeftClient client) {
    List<WorkflowSummary> runs = new ArrayList<>();
    String token = null;
    do {
      WorkflowPage page =
          client.listWorkflows(WorkflowFilter.all().withPageSize(1000).pageToken(token));
      runs.addAll(page.workflows());
      token = page.nextPageToken();
    } while (token != null);
    return runs;
  }

  /** Returns what is wrong with one history; records which attempt each result came from. */
  static List<String> check(
      WorkflowHistory history, WorkflowShape shape, Map<String, Integer> recordedAttempts) {
    String run = history.workflowId() + " (run " + history.runId() + ")";
    List<String> problems = new ArrayList<>();
    List<HistoryEvent> events = history.events();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).eventId() != i + 1) {
        problems.add(run + ": event at position " + (i + 1) + " has ID " + events.get(i).eventId());
        break;
      }
    }
    Set<Long> scheduled = new HashSet<>();
    Map<Long, Integer> completed = new HashMap<>();
    int timersStarted = 0;
    int timersFired = 0;
    for (HistoryEvent event : events) {
      switch (event.attributes()) {
        case EventAttributes.ActivityScheduled s -> {
          if (!scheduled.add(s.seq())) {
            problems.add(run + ": activity " + s.seq() + " scheduled twice");
          }
        }
        case EventAttributes.ActivityCompleted c -> {
          if (completed.put(c.seq(), c.attempt()) != null) {
            problems.add(
                run + ": activity " + c.seq() + " completed twice (event " + event.eventId() + ")");
          }
          recordedAttempts.put(history.runId() + "#" + c.seq(), c.attempt());
        }
        case EventAttributes.ActivityFailed f ->
            problems.add(run + ": activity " + f.seq() + " failed: " + f.failure());
        case EventAttributes.ActivityTimedOut t ->
            problems.add(run + ": activity " + t.seq() + " timed out for good");
        case EventAttributes.TimerStarted t -> timersStarted++;
        case EventAttributes.TimerFired t -> timersFired++;
        default -> {}
      }
    }
    if (scheduled.size() != shape.steps()) {
      problems.add(run + ": " + scheduled.size() + " activities scheduled, not " + shape.steps());
    }
    if (!completed.keySet().equals(scheduled)) {
      problems.add(
          run + ": results recorded for " + completed.keySet() + " but scheduled " + scheduled);
    }
    if (timersStarted != shape.timers() || timersFired != shape.timers()) {
      problems.add(run + ": " + timersStarted + " timer(s) started, " + timersFired + " fired");
    }
    EventAttributes last = events.get(events.size() - 1).attributes();
    if (!(last instanceof EventAttributes.WorkflowCompleted done)) {
      problems.add(run + ": last event is " + last);
    } else {
      Object result = CONVERTER.fromPayload(done.result(), String.class);
      if (!shape.expectedResult(history.workflowId()).equals(result)) {
        problems.add(run + ": result " + result);
      }
    }
    return problems;
  }
}
