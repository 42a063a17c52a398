import { useId } from "react";
import { Time } from "../../components/Time";

/** One point of a plot: a value at a time. */
export interface PlotPoint {
  at: string;
  value: number;
}

interface Props {
  /** What is plotted, e.g. `rows`. */
  name: string;
  /** Oldest first. */
  points: PlotPoint[];
  width?: number;
  height?: number;
}

const PAD = 4;

/** The SVG path through the points, x by order, y scaled between the smallest and largest value. */
export function linePath(values: number[], width: number, height: number): string {
  if (values.length === 0) return "";
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const step = values.length > 1 ? (width - 2 * PAD) / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = values.length > 1 ? PAD + i * step : width / 2;
      const y = span === 0 ? height / 2 : height - PAD - ((v - min) / span) * (height - 2 * PAD);
      return `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/**
 * A small line chart of a numeric metadata entry over the loaded history, drawn as inline SVG.
 * For screen readers the SVG has a title and a summary, and the values are in a table (shown on
 * demand, in a disclosure).
 */
export function LinePlot({ name, points, width = 220, height = 60 }: Props) {
  const titleId = useId();
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const last = values.at(-1);
  const summary = `${name}: ${points.length} values from ${min} to ${max}, latest ${last ?? "none"}`;
  return (
    <figure className="plot">
      <figcaption>{name}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{summary}</title>
        <line className="plot-axis" x1={0} y1={height - 1} x2={width} y2={height - 1} />
        <path d={linePath(values, width, height)} fill="none" stroke="currentColor" strokeWidth={2} />
        {points.length === 1 && <circle cx={width / 2} cy={height / 2} r={3} fill="currentColor" />}
      </svg>
      <p className="muted">
        min {min}, max {max}, latest {last}
      </p>
      <details>
        <summary>Values</summary>
        <table className="data-table">
          <caption className="visually-hidden">{name} by materialization</caption>
          <thead>
            <tr>
              <th scope="col">Materialized</th>
              <th scope="col" className="num">
                {name}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.at}-${i}`}>
                <td>
                  <Time value={p.at} />
                </td>
                <td className="num">{p.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
