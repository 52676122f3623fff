// What a run returns: plain values (no typed arrays), ready to be written, compared or drawn.
import type { LeverKey } from '../scenario/schema.ts';

export { LEVEL_NAMES, MANDATES, CAUSES, EVENT_KINDS } from '../model/vocabulary.ts';
export type { LevelName, Mandate, Cause, EventKind, PartnershipEvent } from '../model/vocabulary.ts';
import type { Cause, LevelName, Mandate, PartnershipEvent, Scope } from '../model/vocabulary.ts';
import type { NetworkSnapshot, OrganisationRecord } from './network.ts';
import type { LeaderPost } from './posts.ts';
import type { TrustEnd } from '../model/world.ts';

/** One row of the time series: the state after a step. */
export interface StepRecord {
  readonly step: number;
  readonly year: number;
  readonly active: number;
  readonly formed: number;
  readonly dissolved: number;
  readonly participation: number;
  readonly meanTrust: number;
  readonly meanStrength: number;
  /** Active partnerships at each continuum level, weakest first. */
  readonly levels: readonly number[];
  /** Dhillon's four features, each the mean over active partnerships (0 with none). */
  readonly features: Readonly<Record<FeatureName, number>>;
  /** The shares of ties whose trust is calculus-, knowledge- and identification-based (Lewicki & Bunker 1996), in that order. */
  readonly trustTypes: readonly number[];
  /** The structure of the network of live ties after the step. */
  readonly network: NetworkMeasures;
  /** Multi-academy trusts with a school, and with two or more. */
  readonly trusts: number;
  readonly trustsMulti: number;
  /** Shares of schools and academies in a trust, and in a trust based in another area. */
  readonly inTrusts: number;
  readonly inTrustsElsewhere: number;
  /** Mean schools per trust with a school (0 with none). */
  readonly meanTrustSize: number;
  /** Schools that joined a trust during the step (founders included, moves between trusts too). */
  readonly joinedTrust: number;
  /** Active area-wide partnerships, and their members in the core and in the wider membership, summed. */
  readonly areaWide: number;
  readonly areaWideCore: number;
  readonly areaWideWider: number;
  /** The value of each public lever in force during the step (area levers: the scenario-wide value). */
  readonly levers: Readonly<Record<LeverKey, number>>;
}

/** The network measures of the time series, in their column order (src/engine/network.ts measures them). */
export const NETWORK_FIELDS = [
  'density',
  'clustering',
  'components',
  'largestComponent',
  'centralisation',
  'crossAreaShare',
  'brokerage',
] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];

/** The structure of the network of live ties (every organisation a node, every live tie an undirected edge). */
export type NetworkMeasures = Readonly<Record<NetworkField, number>>;

/** Dhillon's four features of a partnership, in the order the continuum scores them. */
export const FEATURE_NAMES = ['trust', 'network', 'norms', 'motivation'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The trust types, in the order trustTypeOf numbers them (Lewicki & Bunker 1996). */
export const TRUST_TYPES = ['calculus', 'knowledge', 'identification'] as const;
export type TrustType = (typeof TRUST_TYPES)[number];

/** The time-series columns of the four features, in FEATURE_NAMES' order. */
export const FEATURE_FIELDS = ['featureTrust', 'featureNetwork', 'featureNorms', 'featureMotivation'] as const;
/** The time-series columns of multi-academy trusts, as StepRecord names them. */
export const TRUST_FIELDS = ['trusts', 'trustsMulti', 'inTrusts', 'inTrustsElsewhere', 'meanTrustSize', 'joinedTrust'] as const;

/** The time-series columns of area-wide partnerships, as StepRecord names them. */
export const AREA_WIDE_FIELDS = ['areaWide', 'areaWideCore', 'areaWideWider'] as const;

/** The time-series columns of the trust types' shares, in TRUST_TYPES' order. */
export const TRUST_TYPE_FIELDS = ['trustCalculus', 'trustKnowledge', 'trustIdentification'] as const;

/** One partnership's life, for partnerships.csv and survival analysis. */
export interface PartnershipRecord {
  readonly id: number;
  readonly area: string;
  readonly formedStep: number;
  /** The step it dissolved in, or null while active at the end of the run. */
  readonly endedStep: number | null;
  readonly endReason: Cause | null;
  /** Members at the end (or when it dissolved, the last ones: a group's last two), and of those how many in its core. */
  readonly members: number;
  readonly core: number;
  /** A small group ('group') or area-wide ('area'). */
  readonly scope: Scope;
  readonly peakLevel: LevelName;
  readonly finalLevel: LevelName;
  /** The four features when its continuum score was at its peak, and at the end (or when it dissolved). */
  readonly peak: Readonly<Record<FeatureName | 'score', number>>;
  readonly final: Readonly<Record<FeatureName | 'score', number>>;
  readonly mandate: Mandate;
  readonly principles: boolean;
  readonly laInvolved: boolean;
  readonly funded: boolean;
  /** Its first lead's leader's experience when it formed. */
  readonly leadExperience: number;
}

/** The summary metrics of one run. Counts and survival are of partnerships formed during the run (not those the
 * burn-in left at step 0); a metric with nothing to measure (no partnership reached 3 years) is null. */
export interface Metrics {
  readonly partnershipsFormed: number;
  readonly partnershipsDissolved: number;
  readonly partnershipsActiveAtEnd: number;
  readonly participationAtEnd: number;
  readonly meanTrustAtEnd: number;
  readonly meanStrengthAtEnd: number;
  readonly strongShareAtEnd: number;
  /** The Kaplan–Meier median lifetime in years of partnerships formed during the run: null while survival stays above one half. */
  readonly medianLifetimeYears: number | null;
  /** Restricted mean survival time to 5 and 10 years: the area under the survival curve up to that age (null when no
   * partnership was followed that long). */
  readonly rmst5y: number | null;
  readonly rmst10y: number | null;
  readonly survival3y: number | null;
  readonly survival5y: number | null;
  /** Multi-academy trusts with a school at the end; the shares of schools and academies in a trust and in a trust based
   * in another area; the mean schools per trust (null with none). */
  readonly trustsAtEnd: number;
  readonly inTrustsAtEnd: number;
  readonly inTrustsElsewhereAtEnd: number;
  readonly meanTrustSizeAtEnd: number | null;
}
export type MetricName = keyof Metrics;

/** The metric names in a fixed order (the Record makes the compiler insist on every metric). */
export const METRIC_NAMES = Object.keys({
  partnershipsFormed: 0,
  partnershipsDissolved: 0,
  partnershipsActiveAtEnd: 0,
  participationAtEnd: 0,
  meanTrustAtEnd: 0,
  meanStrengthAtEnd: 0,
  strongShareAtEnd: 0,
  medianLifetimeYears: 0,
  rmst5y: 0,
  rmst10y: 0,
  survival3y: 0,
  survival5y: 0,
  trustsAtEnd: 0,
  inTrustsAtEnd: 0,
  inTrustsElsewhereAtEnd: 0,
  meanTrustSizeAtEnd: 0,
} satisfies Record<MetricName, 0>) as readonly MetricName[];

/** Outcomes in one area, so that areas with different histories can be compared. */
export interface AreaMetrics {
  readonly area: string;
  readonly organisations: number;
  readonly participationAtEnd: number;
  readonly partnershipsActiveAtEnd: number;
  readonly partnershipsFormed: number;
  readonly meanStrengthAtEnd: number;
  /** Trusts based in the area with a school at the end; shares of its schools and academies in a trust, and in a trust
   * based in another area. */
  readonly trustsAtEnd: number;
  readonly inTrustsAtEnd: number;
  readonly inTrustsElsewhereAtEnd: number;
}

/** One multi-academy trust's life and its schools at the end. */
export interface TrustRecord {
  readonly id: number;
  readonly name: string;
  /** The area most of its schools are in at the end (or were in when it ended). */
  readonly area: string;
  readonly founded: number;
  readonly ended: number | null;
  readonly endReason: TrustEnd | null;
  /** Its schools at the end, and how many of them are in other areas than its own. */
  readonly schools: number;
  readonly schoolsElsewhere: number;
}

/** Everything one run produces. */
export interface RunResult {
  readonly scenario: string;
  readonly seed: number;
  readonly steps: number;
  readonly organisations: number;
  readonly metrics: Metrics;
  readonly areas: readonly AreaMetrics[];
  /** Work done, for benchmarks: organisation-steps, and tie updates (every live tie, every step), the burn-in's included. */
  readonly work: { readonly orgSteps: number; readonly tieUpdates: number };
  readonly timeseries: readonly StepRecord[];
  readonly partnerships: readonly PartnershipRecord[];
  /** Every trust of the run (those ended before step 1 left out), and each joining of a trust during the run, by area. */
  readonly trusts: readonly TrustRecord[];
  readonly trustJoins: readonly { readonly step: number; readonly area: string }[];
  readonly events: readonly PartnershipEvent[];
  /** Every organisation at the end of the run. */
  readonly organisationsAtEnd: readonly OrganisationRecord[];
  /** Every leader's post: those in post at step 0 and every leader since. */
  readonly leaders: readonly LeaderPost[];
  /** The network at the steps the run was asked to record it (none unless asked). */
  readonly network: readonly NetworkSnapshot[];
}
