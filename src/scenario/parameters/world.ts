// Parameters of the starting world: the kinds' profiles, the drawing of organisations and the history of each area.
import type { BlockSpec, ParameterSpec } from './spec.ts';

const KIND_SOURCE = 'assumption' as const;

// A range's end, to three decimals (so that 0.3 + 0.15 reads 0.45), within [0, 1].
const end = (x: number) => Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));

// One kind's profile: mean power and capacity, motive weights (relative to each other), exposure to competition.
const profile = (
  kind: string,
  power: number,
  capacity: number,
  values: number,
  resources: number,
  compliance: number,
  exposure: number,
): Record<string, ParameterSpec> => ({
  [`${kind}.power`]: {
    default: power,
    range: [end(power - 0.15), end(power + 0.15)],
    unit: 'share',
    meaning: `mean power (size, resources, status) of a ${kind}`,
    source: KIND_SOURCE,
  },
  [`${kind}.capacity`]: {
    default: capacity,
    range: [end(capacity - 0.15), end(capacity + 0.15)],
    unit: 'share',
    meaning: `mean capacity for partnership work of a ${kind}`,
    source: KIND_SOURCE,
  },
  [`${kind}.values`]: {
    default: values,
    range: [end(values / 2), end(values * 1.5)],
    unit: 'weight',
    meaning: `weight of the shared-values motive of a ${kind} (relative to the other two)`,
    source: KIND_SOURCE,
  },
  [`${kind}.resources`]: {
    default: resources,
    range: [end(resources / 2), end(resources * 1.5)],
    unit: 'weight',
    meaning: `weight of the access-to-resources motive of a ${kind}`,
    source: KIND_SOURCE,
  },
  [`${kind}.compliance`]: {
    default: compliance,
    range: [end(compliance / 2), end(compliance * 1.5)],
    unit: 'weight',
    meaning: `weight of the compliance motive of a ${kind}`,
    source: KIND_SOURCE,
  },
  [`${kind}.exposure`]: {
    default: exposure,
    range: [end(exposure - 0.2), end(exposure + 0.2)],
    unit: 'share',
    meaning: `exposure of a ${kind} to market competition (rivalry is between organisations of one kind in one area)`,
    source: KIND_SOURCE,
  },
});

/** How each kind of organisation starts (Dhillon 2009: partners differ in power, culture and reasons for joining;
 * ABPP: schools and academies compete for pupils). The numbers are ours. */
export const kinds = {
  title: 'Kinds of organisation',
  odd: '2.1',
  params: {
    ...profile('school', 0.3, 0.45, 0.45, 0.35, 0.2, 1.0),
    ...profile('academy', 0.4, 0.5, 0.3, 0.45, 0.25, 1.0),
    ...profile('trust', 0.7, 0.7, 0.3, 0.5, 0.2, 0.6),
    ...profile('college', 0.6, 0.6, 0.35, 0.45, 0.2, 0.8),
    ...profile('provider', 0.3, 0.4, 0.25, 0.6, 0.15, 0.8),
    ...profile('community', 0.2, 0.35, 0.7, 0.25, 0.05, 0.1),
    ...profile('localAuthority', 0.6, 0.6, 0.6, 0.2, 0.2, 0),
  },
} as const satisfies BlockSpec;

/** Drawing organisations and their areas' histories before the burn-in. */
export const init = {
  title: 'The starting world',
  odd: '5',
  params: {
    burnInYears: {
      default: 30,
      range: [10, 50],
      unit: 'years',
      meaning:
        'years the model runs, with the levers at their step-0 values and its events not counted, before step 0: the starting world is then one its own mechanisms have settled (before the calibration the baseline’s cohort five-year survival still drifted after 10 years and was level after 30; at the calibrated defaults 10 years settle it, ODD 9)',
      source: 'assumption',
    },
    areaCultureSpread: {
      default: 0.4,
      range: [0.2, 0.6],
      unit: 'culture',
      meaning: "width of the band around the culture axis's midpoint from which each area's mean culture is drawn",
      source: 'assumption',
    },
    powerSpread: {
      default: 0.3,
      range: [0.1, 0.5],
      unit: 'share',
      meaning: "width of the band around its kind's mean from which an organisation's power is drawn",
      source: 'assumption',
    },
    capacitySpread: {
      default: 0.3,
      range: [0.1, 0.5],
      unit: 'share',
      meaning: "width of the band around its kind's mean from which an organisation's capacity is drawn",
      source: 'assumption',
    },
    motiveSpread: {
      default: 1,
      range: [0.5, 1.5],
      limits: [0, 2],
      unit: 'multiplier',
      meaning: "width of the band of multipliers around 1 applied to each of its kind's motive weights before they are normalised",
      source: 'assumption',
    },
    tenureYears: {
      default: 5,
      range: [2, 10],
      unit: 'years',
      meaning: 'longest tenure a leader can have when the world is drawn (before the burn-in) (tenures are drawn uniformly up to it)',
      source: 'assumption',
    },
    historyTiesBase: {
      default: 1,
      range: [0, 3],
      unit: 'ties',
      meaning: 'starting ties drawn per organisation in an area with no history',
      source: 'assumption',
    },
    historyTiesDepth: {
      default: 6,
      range: [3, 10],
      unit: 'ties',
      meaning: 'extra starting ties drawn per organisation per unit of context.history',
      source: 'assumption',
    },
    nearnessCandidates: {
      default: 3,
      range: [0, 6],
      integer: true,
      unit: 'organisations',
      meaning: 'further candidates compared for each starting tie, the nearest being taken (so ties are local)',
      source: 'assumption',
    },
    historyTrust: {
      default: 0.1,
      range: [0, 0.3],
      unit: 'trust',
      meaning: 'trust of a starting tie in an area with no history',
      source: 'assumption',
    },
    historyTrustDepth: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'trust',
      meaning: 'extra trust of a starting tie per unit of context.history, at most',
      source: 'assumption',
    },
    historyTrustSpread: {
      default: 0.5,
      range: [0, 1],
      unit: 'share',
      meaning: 'share of that extra trust drawn at random (the rest is certain)',
      source: 'assumption',
    },
    historyStrength: {
      default: 0.1,
      range: [0.05, 0.2],
      unit: 'strength',
      meaning: 'strength of a starting tie in an area with no history',
      source: 'assumption',
    },
    historyStrengthDepth: {
      default: 0.4,
      range: [0.2, 0.6],
      unit: 'strength',
      meaning: 'extra strength of a starting tie per unit of context.history',
      source: 'assumption',
    },
    historyInteractions: {
      default: 2,
      range: [1, 3],
      unit: 'multiples of trustTypes.knowledgeInteractions',
      meaning: 'past interactions of a starting tie per unit of context.history (deeper history: knowledge-based trust)',
      source: 'assumption',
    },
    historyOrgsPerPartnership: {
      default: 12,
      range: [6, 24],
      positive: true,
      unit: 'organisations',
      meaning: "organisations per earlier partnership at context.history 1 (an area's count is history × organisations / this)",
      source: 'assumption',
    },
    historyInviteesMin: {
      default: 2,
      range: [1, 3],
      integer: true,
      unit: 'organisations',
      meaning: "fewest of its lead's most trusted contacts an earlier partnership takes",
      source: 'assumption',
    },
    historyInviteesSpread: {
      default: 4,
      range: [1, 6],
      integer: true,
      unit: 'organisations',
      meaning: 'how many more it may take, drawn uniformly',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;
