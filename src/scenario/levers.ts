// The public levers: one table, one entry per lever. The scenario schema and its JSON Schema, the Scenario and
// Area types, defaults, normalising, the values the step reads, --set, sweeps, CSV columns, the reports' lever
// tables and the classroom's sliders all derive from it: adding a lever is an entry here and the mechanism that reads it.

/** Where a lever is set: for the whole scenario only, or also by each area for itself. */
export type LeverScope = 'scenario' | 'area';

/** One lever: a number in [0, 1] (or a schedule of such numbers) and what it is. */
export interface LeverSpec {
  /** Its value when a scenario leaves it out (the baseline's). */
  readonly default: number;
  /** Why the default is what it is, in words. */
  readonly defaultMeans: string;
  /** What it means: the schema's description, the CLI's help, the ODD and the classroom's hover text. */
  readonly meaning: string;
  /** Its short label beside a classroom slider. */
  readonly label: string;
  /** What a value of 1 is: a share, a chance, a yearly rate, a level. */
  readonly unit: string;
  readonly scope: LeverScope;
  /** 'start' for levers that act mostly when a run starts (they seed the starting world), 'step' for those that act every step. */
  readonly acts: 'start' | 'step';
  /** Where the lever comes from. */
  readonly source: string;
}

/** The levers, in the order of every table and CSV column that lists them. */
export const LEVERS = {
  'policy.carrot': {
    default: 0,
    defaultMeans: 'no funding for being in a partnership',
    meaning: 'funding and incentives for being in a partnership',
    label: 'Carrot: funding',
    unit: 'level',
    scope: 'scenario',
    acts: 'step',
    source: 'Glendinning et al. 2002; Dhillon 2009',
  },
  'policy.stick': {
    default: 0,
    defaultMeans: 'no compulsion to be in one',
    meaning: 'compulsion: penalties or inspection pressure for not being in a partnership',
    label: 'Stick: compulsion',
    unit: 'level',
    scope: 'scenario',
    acts: 'step',
    source: 'Glendinning et al. 2002; Dhillon 2009',
  },
  'market.competition': {
    default: 0.3,
    defaultMeans: 'moderate competition for pupils and resources between neighbours',
    meaning: 'intensity of competition between neighbouring organisations for pupils and resources',
    label: 'Competition',
    unit: 'level',
    scope: 'scenario',
    acts: 'step',
    source: 'ABPP',
  },
  'governance.fragmentation': {
    default: 0.05,
    defaultMeans: 'about one school in twenty outside a trust joins one each year, seldom one based elsewhere',
    meaning:
      'rate at which schools join multi-academy trusts (per year, times model.governance.joinRate), and the pull of trusts not based on their locality against those that are',
    label: 'Trust growth',
    unit: 'per year',
    scope: 'scenario',
    acts: 'step',
    source: 'ABPP',
  },
  'localAuthority.support': {
    default: 0.5,
    defaultMeans: 'local-authority officers with half the capacity they once had to broker partnerships',
    meaning: 'capacity of local-authority officers to broker and support partnerships',
    label: 'Council officers',
    unit: 'level',
    scope: 'area',
    acts: 'step',
    source: 'ABPP',
  },
  'leaders.experience': {
    default: 0.5,
    defaultMeans: 'leaders of middling experience',
    meaning: "mean experience of organisations' leaders",
    label: 'Leader experience',
    unit: 'level',
    scope: 'scenario',
    acts: 'step',
    source: 'ABPP; Dhillon 2009',
  },
  'leaders.turnover': {
    default: 0.151,
    defaultMeans: 'about one leader in seven replaced each year',
    meaning: 'share of leaders replaced per year',
    label: 'Leader turnover',
    unit: 'per year',
    scope: 'scenario',
    acts: 'step',
    source:
      "Dhillon 2009; ABPP; value: posterior median of calibrations/england.yaml (90% credible interval 0.0596 to 0.239, 100% of its prior's)",
  },
  'partnerships.principles': {
    default: 0.3,
    defaultMeans: 'fewer than a third of new partnerships set out a statement of principles',
    meaning: 'chance that a new partnership sets out a clear statement of principles',
    label: 'Principles',
    unit: 'chance',
    scope: 'scenario',
    acts: 'step',
    source: 'ABPP',
  },
  'context.history': {
    default: 0.4,
    defaultMeans: 'some earlier collaboration to build on',
    meaning: 'depth of earlier collaboration in the area: starting ties and trust',
    label: 'Shared history',
    unit: 'level',
    scope: 'area',
    acts: 'start',
    source: 'ABPP',
  },
  'context.culture': {
    default: 0.4,
    defaultMeans: 'moderately diverse organisational cultures and values',
    meaning: 'diversity of organisational cultures and values',
    label: 'Cultural diversity',
    unit: 'level',
    scope: 'area',
    acts: 'start',
    source: 'Dhillon 2009; ABPP',
  },
  'context.politics': {
    default: 0.5,
    defaultMeans: 'local politics neither for nor against collaboration',
    meaning: 'local political support for collaboration',
    label: 'Political support',
    unit: 'level',
    scope: 'area',
    acts: 'step',
    source: 'ABPP',
  },
} as const satisfies Record<`${string}.${string}`, LeverSpec>;

/** A lever's dotted key, as in a scenario file and --set. */
export type LeverKey = keyof typeof LEVERS;
/** The levers an area may set for itself. */
export type AreaLeverKey = { [K in LeverKey]: (typeof LEVERS)[K]['scope'] extends 'area' ? K : never }[LeverKey];

/** The lever keys in table order. */
export const LEVER_KEYS = Object.keys(LEVERS) as readonly LeverKey[];
/** The keys of the levers an area may set for itself, in table order. */
export const AREA_LEVER_KEYS = LEVER_KEYS.filter((key) => LEVERS[key].scope === 'area') as readonly AreaLeverKey[];

/** Returns whether a lever may be set by each area for itself. */
export function isAreaLever(key: string): key is AreaLeverKey {
  return (AREA_LEVER_KEYS as readonly string[]).includes(key);
}

/** The heading a dotted key sits under (`policy` of `policy.carrot`), and its name there (`carrot`). */
export type GroupOf<K extends string> = K extends `${infer G}.${string}` ? G : never;
export type NameOf<K extends string> = K extends `${string}.${infer N}` ? N : never;

/** Levers of these keys nested as written: `{ policy: { carrot: V, stick: V }, ... }`. */
export type LeverGroups<Keys extends string, V> = {
  readonly [G in GroupOf<Keys>]: { readonly [N in NameOf<Extract<Keys, `${G}.${string}`>>]: V };
};

/** Returns the heading and name of a dotted lever key. */
export function splitKey(key: string): [group: string, name: string] {
  const dot = key.indexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

/** Returns the headings of these lever keys in the order they first appear. */
export function groupsOf(keys: readonly string[]): string[] {
  return [...new Set(keys.map((key) => splitKey(key)[0]))];
}
