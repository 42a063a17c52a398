package dev.weft.internal.client;

import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.InvalidQueryException;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.FilterSyntaxException;
import dev.weft.store.RunFilterParser;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.Store;
import java.util.List;
import java.util.Map;

/** Lists and counts the runs of the engine's namespace, filtered by the list-query language. */
public final class RunListing {
  private final String namespace;
  private final Store store;
  private final SearchAttributeCatalog searchAttributes;

  public RunListing(String namespace, Store store, SearchAttributeCatalog searchAttributes) {
    this.namespace = namespace;
    this.store = store;
    this.searchAttributes = searchAttributes;
  }

  WorkflowPage list(WorkflowFilter filter) {
    RunPage page = store.listRuns(query(filter));
    List<WorkflowSummary> summaries =
        page.runs().stream()
            .map(
                r ->
                    new WorkflowSummary(
                        r.workflowId(),
                        r.runId(),
                        r.workflowType(),
                        r.taskQueue(),
                        r.status(),
                        r.startTime(),
                        r.closeTime(),
                        page.pauseOf(r.runId()).orElse(null)))
            .toList();
    return new WorkflowPage(summaries, page.nextPageToken());
  }

  long count(WorkflowFilter filter) {
    return store.countRuns(query(filter));
  }

  Map<WorkflowStatus, Long> countByStatus(WorkflowFilter filter) {
    return store.countRunsByStatus(query(filter));
  }

  private RunQuery query(WorkflowFilter f) {
    RunQuery query =
        new RunQuery(
            namespace, f.status(), f.workflowType(), f.workflowId(), f.pageSize(), f.pageToken());
    if (f.query() == null || f.query().isBlank()) {
      return query;
    }
    try {
      return query.withFilter(RunFilterParser.parse(f.query(), searchAttributes.types()));
    } catch (FilterSyntaxException e) {
      throw new InvalidQueryException(f.query(), e.getMessage(), e.position());
    }
  }
}
