import { ProblemMessage } from "../../components/ProblemMessage";
import { AssetHistory } from "./AssetHistory";
import { useAssetHistory } from "./assetsApi";
import { MetadataPlots } from "./MetadataPlots";

/**
 * The bottom of an asset's page: its metadata over time and its materializations, a page at a
 * time. The asset page shows it once the asset answered, so its request goes after the asset's
 * (and after the partition status bar's, which the asset's answer starts).
 */
export function AssetHistorySection({ namespace, assetKey }: { namespace: string; assetKey: string }) {
  const history = useAssetHistory(namespace, assetKey);
  const entries = history.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <h2>Metadata over time</h2>
      <MetadataPlots entries={entries} />
      <h2>Materializations</h2>
      {history.error !== null && <ProblemMessage error={history.error} />}
      {history.isPending ? (
        <p aria-busy="true">Loading the history…</p>
      ) : (
        <AssetHistory
          namespace={namespace}
          entries={entries}
          hasMore={history.hasNextPage}
          loadingMore={history.isFetchingNextPage}
          onLoadMore={() => void history.fetchNextPage()}
        />
      )}
    </>
  );
}
