import type { AssetSummary } from "./assetsApi";

/**
 * What an asset's latest check results say, in words: "2 passed", "1 failed (blocking)",
 * "1 warned"; "—" for an asset without checks, "not run yet" when none has a result.
 */
export function checksText(a: AssetSummary): string {
  if (a.definedChecks === 0) return "—";
  const { passed, failed, blockingFailed, warned } = a.checks;
  const parts: string[] = [];
  if (failed > 0) parts.push(`${failed} failed${blockingFailed > 0 ? ` (${blockingFailed} blocking)` : ""}`);
  if (warned > 0) parts.push(`${warned} warned`);
  if (passed > 0) parts.push(`${passed} passed`);
  return parts.length === 0 ? "not run yet" : parts.join(", ");
}

/** The checks cell of the catalog: the latest outcome, a failure marked with ✕ and not only by colour. */
export function ChecksSummary({ asset }: { asset: AssetSummary }) {
  const text = checksText(asset);
  const failing = asset.definedChecks > 0 && asset.checks.failed > 0;
  return (
    <span className={failing ? "checks-failing" : undefined} title={`${asset.definedChecks} checks defined`}>
      {failing ? "✕ " : ""}
      {text}
    </span>
  );
}
