// What a model parameter is: one number that decides the model's answers, with its default, the range a screening
// varies it over, the values it may take, its unit, its meaning and its source. Blocks group a mechanism's parameters.

/** Where a parameter's number comes from: a reference that gives the value itself, a reference that gives only the
 * form it enters (the value then being ours, or fitted by a calibration to observed figures), or neither. A citation
 * must support what it is cited for. */
export type Source =
  | 'assumption'
  | { readonly value: string }
  | { readonly form: string }
  | { readonly calibrated: string; readonly form?: string };

/** One parameter. */
export interface ParameterSpec {
  readonly default: number;
  /** The plausible range: what a screening (sweeps/params-morris.yaml) varies it over. */
  readonly range: readonly [low: number, high: number];
  /** The values a scenario may give it; when absent, [0, 1] if the plausible range lies in [0, 1], else 0 or more. */
  readonly limits?: readonly [min: number, max: number];
  /** True when the lower limit itself is not allowed (a scale that divides). */
  readonly positive?: true;
  /** True for counts. */
  readonly integer?: true;
  readonly unit: string;
  readonly meaning: string;
  readonly source: Source;
}

/** A block: the parameters of one mechanism or submodel, under one heading of a scenario file. */
export interface BlockSpec {
  /** Its heading in the ODD and the help. */
  readonly title: string;
  /** The ODD sections that describe the mechanism it belongs to. */
  readonly odd: string;
  readonly params: Readonly<Record<string, ParameterSpec>>;
}

/** Returns the values a parameter may take: its own limits, or [0, 1] when its plausible range lies in [0, 1], else [0, ∞). */
export function limitsOf(spec: ParameterSpec): readonly [number, number] {
  return spec.limits ?? [0, spec.range[1] <= 1 ? 1 : Number.POSITIVE_INFINITY];
}

/** Returns a source in words, as the ODD's parameter tables print it. */
export function sourceInWords(source: Source): string {
  if (source === 'assumption') return 'assumption';
  if ('value' in source) return `${source.value} (value)`;
  const form = source.form === undefined ? '' : `${source.form} (form); value: `;
  return 'calibrated' in source ? `${form}${source.calibrated} (calibrated)` : `${form}assumption`;
}
