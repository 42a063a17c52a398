/** What one metric of a page group measures, and the figure it is judged by. */
export interface MetricDefinition {
  /** The metric's key in the group's JSON object. */
  key: string;
  /** What is measured, from when to when (printed in the JSON). */
  definition: string;
  /**
   * The target: the median of the samples (one or several per round) must be below it (`met`);
   * the worst sample is judged too (`metAtMax`). None for a figure shown only for context.
   */
  targetMs?: number;
}

/** A metric's samples summed up, as printed. */
export interface MetricResult {
  definition: string;
  unit: "ms";
  samples: number[];
  median: number;
  max: number;
  /** Absent for a figure shown only for context (then `met` and `metAtMax` are absent too). */
  targetMs?: number;
  /** The median is below the target. */
  met?: boolean;
  /** Even the worst sample is below the target. */
  metAtMax?: boolean;
}

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Rounds to 0.1 ms. */
export function ms(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Sums up a metric's samples against its target. */
export function summarize(metric: MetricDefinition, samples: readonly number[]): MetricResult {
  const med = median(samples);
  const max = samples.length === 0 ? Number.NaN : Math.max(...samples);
  const result: MetricResult = {
    definition: metric.definition,
    unit: "ms",
    samples: samples.map(ms),
    median: ms(med),
    max: ms(max),
  };
  if (metric.targetMs === undefined) return result;
  return { ...result, targetMs: metric.targetMs, met: med < metric.targetMs, metAtMax: max < metric.targetMs };
}
