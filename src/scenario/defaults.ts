// The default scenario: the baseline's values, used for every key a scenario file leaves out.
import type { CountedKind, LeverKey, TrustParams } from './schema.ts';

/** The default run length and seed. */
export const DEFAULT_TIME = {
  /** Ten years of monthly steps. */
  steps: 120,
  /** A step is a month. */
  stepsPerYear: 12,
  /** The master seed from which every run's seed is derived. */
  seed: 1,
} as const;

/** The default number of local-authority areas, named "Area 1".."Area n", each of weight 1. */
export const DEFAULT_AREA_COUNT = 4;

/** The default weight of an area: its relative share of the organisations. */
export const DEFAULT_AREA_WEIGHT = 1;

/** The default number of organisations of each kind, in all areas together. */
export const DEFAULT_KINDS: Readonly<Record<CountedKind, number>> = {
  /** Maintained schools, still linked to their local authority. */
  school: 80,
  /** Academies, funded directly and free to join a trust outside their area. */
  academy: 50,
  /** Multi-academy trusts. */
  trust: 6,
  /** Further-education and sixth-form colleges. */
  college: 6,
  /** Training providers. */
  provider: 10,
  /** Community partners: charities, employers, youth services. */
  community: 10,
};

/** The default value of each lever, constant over the run. */
export const DEFAULT_LEVERS: Readonly<Record<LeverKey, number>> = {
  /** No funding for being in a partnership. */
  'policy.carrot': 0,
  /** No compulsion to be in one. */
  'policy.stick': 0,
  /** Moderate competition for pupils and resources between neighbours. */
  'market.competition': 0.3,
  /** A few organisations a year move into trusts based elsewhere. */
  'governance.fragmentation': 0.05,
  /** Local-authority officers with half the capacity they once had to broker partnerships. */
  'localAuthority.support': 0.5,
  /** Leaders of middling experience. */
  'leaders.experience': 0.5,
  /** About one leader in eight replaced each year. */
  'leaders.turnover': 0.12,
  /** Fewer than a third of new partnerships set out a statement of principles. */
  'partnerships.principles': 0.3,
  /** Some earlier collaboration to build on. */
  'context.history': 0.4,
  /** Moderately diverse organisational cultures and values. */
  'context.culture': 0.4,
  /** Local politics neither for nor against collaboration. */
  'context.politics': 0.5,
};

/** The default trust dynamics: Pant & Yu (2025)'s defaults, and a sensitivity of our choosing (docs/ODD.md 7.5). */
export const DEFAULT_TRUST: TrustParams = {
  /** l_up: trust rises slowly after a contribution above expectation. */
  up: 0.1,
  /** l_down: trust falls three times as fast after a shortfall (the 3:1 negativity ratio). */
  down: 0.3,
  /** Reputation damage grows quickly with each violation. */
  damageGrowth: 0.6,
  /** Reputation damage decays slowly in each step without a violation. */
  damageDecay: 0.03,
  /** x: how much the truster's dependence on its partner speeds the loss of trust. */
  dependenceWeight: 0.5,
  /** k in s = tanh(k (a - b)): how sharply a gap between contribution and expectation registers. Pant & Yu's own
   * reference uses 1; 4 makes a contribution of 0.8 against
   * an expectation of one half register as s = 0.83, and a defection as s = -0.96. */
  sensitivity: 4,
};
