import { useCallback } from "react";
import { useParams, useSearchParams } from "react-router";
import { BulkActions } from "./BulkActions";
import { FilterBox } from "./FilterBox";
import { RunsTable } from "./RunsTable";
import { StatusCounts } from "./StatusCounts";
import { useRuns } from "./useRuns";

/**
 * The runs of a namespace: the filter (kept in the URL as `?query=`, so back and forward restore
 * it), the counts by status and the live, virtualized list.
 */
export function WorkflowsPage() {
  const { namespace = "default" } = useParams();
  const [params, setParams] = useSearchParams();
  const query = params.get("query") ?? "";
  const runs = useRuns(namespace, query);
  const apply = useCallback(
    (next: string) => setParams(next === "" ? {} : { query: next }),
    [setParams],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = runs;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = runs.data?.pages.flatMap((p) => p.workflows) ?? [];
  return (
    <section aria-labelledby="workflows-title">
      <h1 id="workflows-title">Workflows</h1>
      <FilterBox value={query} onApply={apply} error={runs.error} />
      {/* counted once the list accepted the filter: a bad filter costs one request, not two */}
      {runs.isSuccess && <StatusCounts namespace={namespace} query={query} />}
      {runs.isSuccess && <BulkActions namespace={namespace} query={query} />}
      {runs.isPending ? (
        <p aria-busy="true">Loading runs…</p>
      ) : runs.error === null || rows.length > 0 ? (
        <RunsTable
          namespace={namespace}
          runs={rows}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
        />
      ) : null}
    </section>
  );
}
