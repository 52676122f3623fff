// Summaries over replicates: the mean, sample standard deviation and Student-t 95% interval of each
// metric, skipping metrics a replicate could not measure (null).
import { METRIC_NAMES, type AreaMetrics, type Metrics, type MetricName } from '../engine/types.ts';
import { studentTQuantile } from './student-t.ts';

/** A quantity over replicates: mean (null with no values), sample sd and 95% interval (null with fewer than two). */
export interface Summary {
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95: readonly [low: number, high: number] | null;
}

/** An area's outcomes over replicates, each summarised. */
export type AreaSummary = { readonly area: string } & { readonly [K in Exclude<keyof AreaMetrics, 'area'>]: Summary };

const AREA_FIELDS = Object.keys({
  organisations: 0,
  participationAtEnd: 0,
  partnershipsActiveAtEnd: 0,
  partnershipsFormed: 0,
  meanStrengthAtEnd: 0,
  trustsAtEnd: 0,
  inTrustsAtEnd: 0,
  inTrustsElsewhereAtEnd: 0,
} satisfies Record<Exclude<keyof AreaMetrics, 'area'>, 0>) as readonly Exclude<keyof AreaMetrics, 'area'>[];

/** Returns the mean, sample standard deviation and Student-t 95% confidence interval of the non-null values. */
export function summarise(values: readonly (number | null)[]): Summary {
  const present = values.filter((value): value is number => value !== null);
  const n = present.length;
  if (n === 0) return { mean: null, sd: null, ci95: null };
  const mean = present.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { mean, sd: null, ci95: null };
  const sd = Math.sqrt(present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
  const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci95: [mean - halfWidth, mean + halfWidth] };
}

/** Returns each metric summarised over the replicates' metrics, in METRIC_NAMES order. */
export function aggregateMetrics(results: readonly Metrics[]): Record<MetricName, Summary> {
  return Object.fromEntries(METRIC_NAMES.map((name) => [name, summarise(results.map((metrics) => metrics[name]))])) as Record<
    MetricName,
    Summary
  >;
}

/** Returns each area's outcomes summarised over the replicates, areas in the order they first appear. */
export function aggregateAreas(replicates: readonly (readonly AreaMetrics[])[]): AreaSummary[] {
  const byArea = new Map<string, AreaMetrics[]>();
  for (const areas of replicates) {
    for (const area of areas) byArea.set(area.area, [...(byArea.get(area.area) ?? []), area]);
  }
  return [...byArea].map(([area, rows]) => ({
    area,
    ...(Object.fromEntries(AREA_FIELDS.map((field) => [field, summarise(rows.map((row) => row[field]))])) as Omit<AreaSummary, 'area'>),
  }));
}
