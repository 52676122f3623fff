// Parameters of what happens on ties: partners contribute or defect, trust and reputation update (Pant & Yu 2025's
// block keeps its public `trust.*` keys), trust deepens by type, and ties strengthen, fade and are dropped.
import type { BlockSpec } from './spec.ts';

/** Interaction: contribute or defect (ODD 7.4). */
export const interaction = {
  title: 'Interaction: contribute or defect',
  odd: '7.4',
  params: {
    sharedRate: {
      default: 12,
      range: [6, 24],
      positive: true,
      unit: 'per year',
      meaning: 'interactions per year between two members of a shared partnership (12: they meet about monthly)',
      source: 'assumption',
    },
    informalRate: {
      default: 3.6,
      range: [1.2, 6],
      unit: 'per year per unit strength',
      meaning: 'interactions per year between two tied organisations in no shared partnership, per unit of tie strength',
      source: 'assumption',
    },
    expectedContribution: {
      default: 0.607,
      range: [0.3, 0.7],
      unit: 'share of capacity',
      meaning: "the contribution partners expect of each other (b in Pant & Yu's signal)",
      source: {
        form: 'Pant & Yu 2025 (s = tanh(k (a - b)))',
        calibrated: "posterior median of calibrations/england.yaml (90% credible interval 0.435 to 0.692, 71% of its prior's)",
      },
    },
    benefitBase: {
      default: 0.45,
      range: [0.3, 0.6],
      unit: 'benefit',
      meaning: 'benefit b of mutual cooperation',
      source: { form: 'Nowak 2006 (direct reciprocity: cooperate while w b > c)' },
    },
    benefitShared: {
      default: 0.3,
      range: [0.1, 0.5],
      unit: 'benefit',
      meaning: 'extra benefit of cooperation inside a shared partnership',
      source: 'assumption',
    },
    complementarity: {
      default: 0.5,
      range: [0.2, 0.8],
      unit: 'benefit per unit power gap',
      meaning: 'extra benefit per unit of power difference between the two (complementary resources)',
      source: 'assumption',
    },
    costBase: {
      default: 0.216,
      range: [0.1, 0.3],
      unit: 'benefit',
      meaning: 'cost c of contributing',
      source: {
        form: 'Nowak 2006',
        calibrated: "posterior median of calibrations/england.yaml (90% credible interval 0.106 to 0.291, 103% of its prior's)",
      },
    },
    costCapacity: {
      default: 0.3,
      range: [0.15, 0.45],
      unit: 'benefit per unit capacity shortfall',
      meaning: 'extra cost of contributing per unit of capacity an organisation lacks',
      source: 'assumption',
    },
    decisionNoise: {
      default: 0.18,
      range: [0.08, 0.25],
      limits: [0, 1],
      positive: true,
      unit: 'temptation',
      meaning: 'scale of the logistic noise in each decision to defect',
      source: {
        form: 'Gorobets & Nooteboom 2004 (defect when temptation passes a threshold)',
        calibrated: "posterior median of calibrations/england.yaml (90% credible interval 0.0923 to 0.241, 98% of its prior's)",
      },
    },
    rivalryTemptation: {
      default: 1,
      range: [0.5, 1.5],
      limits: [0, 3],
      unit: 'temptation per unit competition',
      meaning: 'temptation to defect against a rival (same kind, same area), per unit of market.competition and of exposure',
      source: 'assumption',
    },
    shadowWeight: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'weight',
      meaning: "weight of an organisation's shadow of the future (against the tie's strength) in a shared tie's continuation",
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** The trust update of Pant & Yu (2025), under the public `trust.*` keys (ODD 7.5). */
export const trust = {
  title: 'Trust and reputation update',
  odd: '7.5',
  params: {
    up: {
      default: 0.1,
      range: [0.05, 0.2],
      unit: 'per interaction',
      meaning: 'l_up: rate at which trust rises after a contribution above expectation',
      source: { value: 'Pant & Yu 2025' },
    },
    down: {
      default: 0.3,
      range: [0.15, 0.45],
      unit: 'per interaction',
      meaning: 'l_down: rate at which trust falls after a shortfall',
      source: { value: 'Pant & Yu 2025' },
    },
    damageGrowth: {
      default: 0.6,
      range: [0.3, 0.9],
      unit: 'per interaction',
      meaning: 'growth of reputation damage with each violation',
      source: { value: 'Pant & Yu 2025' },
    },
    damageDecay: {
      default: 0.03,
      range: [0.01, 0.06],
      unit: 'per interaction',
      meaning: 'share of reputation damage that decays in an interaction without violation',
      source: { value: 'Pant & Yu 2025' },
    },
    dependenceWeight: {
      default: 0.5,
      range: [0.25, 1],
      limits: [0, 5],
      unit: 'multiplier',
      meaning: "x: how much the truster's dependence on its partner speeds trust loss",
      source: { value: 'Pant & Yu 2025' },
    },
    sensitivity: {
      default: 4,
      range: [2, 8],
      limits: [0, 50],
      positive: true,
      unit: 'per unit contribution',
      meaning: 'k in s = tanh(k (a - b)): how sharply a contribution above or below expectation registers',
      source: { form: 'Pant & Yu 2025 (their own value is 1)' },
    },
  },
} as const satisfies BlockSpec;

/** Trust types and leader-level trust (ODD 7.5). */
export const trustTypes = {
  title: 'Trust types and leader-level trust',
  odd: '7.5',
  params: {
    knowledgeInteractions: {
      default: 12,
      range: [6, 24],
      unit: 'interactions',
      meaning: 'interactions after which trust is knowledge-based rather than calculus-based',
      source: { form: 'Lewicki & Bunker 1996 (calculus-, knowledge-, identification-based trust)' },
    },
    identificationNormGap: {
      default: 0.12,
      range: [0.06, 0.24],
      unit: 'norms',
      meaning: 'largest gap between two organisations’ norms at which knowledge-based trust becomes identification-based',
      source: { form: 'Lewicki & Bunker 1996' },
    },
    identificationTrust: {
      default: 0.6,
      range: [0.4, 0.8],
      unit: 'trust',
      meaning: 'least trust at which knowledge-based trust becomes identification-based',
      source: { form: 'Lewicki & Bunker 1996' },
    },
    knowledgeResilience: {
      default: 0.75,
      range: [0.5, 1],
      unit: 'multiplier',
      meaning: 'share of the calculated trust loss that knowledge-based trust suffers (calculus-based: all of it)',
      source: { form: 'Lewicki & Bunker 1996 (deeper trust is harder to lose)' },
    },
    identificationResilience: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'multiplier',
      meaning: 'share of the calculated trust loss that identification-based trust suffers',
      source: { form: 'Lewicki & Bunker 1996' },
    },
    leaderWeight: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'weight',
      meaning: 'weight of leader-level trust (against organisation-level trust) in the effective trust between two organisations',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Tie strength, fading and dropping (ODD 7.6). */
export const ties = {
  title: 'Tie strength and dropping ties',
  odd: '7.6',
  params: {
    strengthGrowth: {
      default: 0.08,
      range: [0.04, 0.15],
      unit: 'per interaction',
      meaning: "share of the gap to the pair's mutual trust a tie's strength closes with each interaction",
      source: { form: 'Granovetter 1973 (tie strength grows with time and reciprocity)' },
    },
    strengthDecay: {
      default: 0.24,
      range: [0.12, 0.48],
      unit: 'per year',
      meaning: 'rate per year at which an unused tie loses strength',
      source: 'assumption',
    },
    dropStrength: {
      default: 0.04,
      range: [0.02, 0.08],
      unit: 'strength',
      meaning: 'a tie in no shared partnership weaker than this (after the grace period) is dropped',
      source: { form: 'Jackson & Wolinsky 1996 (ties kept while they are worth their cost)' },
    },
    graceYears: {
      default: 0.5,
      range: [0.25, 1],
      unit: 'years',
      meaning: 'age before a tie can be dropped',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;
