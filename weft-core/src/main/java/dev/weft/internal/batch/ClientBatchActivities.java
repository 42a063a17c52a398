package dev.weft.internal.batch;

import dev.weft.client.BatchFailure;
import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.failure.WeftException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Applies a batch page through the namespace's client. A run that refuses the operation (it closed
 * meanwhile, it has no such signal) is a failure of the batch with the refusal's message; anything
 * else (the store unavailable) fails the attempt, and the retry applies the page again.
 */
public final class ClientBatchActivities implements BatchActivities {
  private final Function<String, WeftClient> clients;

  /** Uses {@code clients} to get the client of a namespace. */
  public ClientBatchActivities(Function<String, WeftClient> clients) {
    this.clients = clients;
  }

  @Override
  public PageOutcome applyPage(String namespace, BatchSpec spec, String pageToken, int pageSize) {
    WeftClient client = clients.apply(namespace);
    WorkflowPage page =
        client.listWorkflows(
            WorkflowFilter.query(spec.pagedQuery()).withPageSize(pageSize).pageToken(pageToken));
    long applied = 0;
    List<BatchFailure> failures = new ArrayList<>();
    for (WorkflowSummary run : page.workflows()) {
      try {
        apply(spec, client.getHandle(run.workflowId(), run.runId()));
        applied++;
      } catch (WeftException | IllegalStateException | IllegalArgumentException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        failures.add(new BatchFailure(run.workflowId(), run.runId(), why));
      }
    }
    return new PageOutcome(applied, failures, page.nextPageToken());
  }

  private static void apply(BatchSpec spec, WorkflowHandle<Object> run) {
    switch (spec.type()) {
      case CANCEL -> run.cancel(spec.reason());
      case TERMINATE -> run.terminate(spec.reason());
      case SIGNAL -> run.signal(spec.signalName(), spec.signalArgs().toArray());
      case PAUSE -> run.pause(spec.reason());
      case RESUME -> run.resume();
    }
  }
}
