// The default scenario's time and organisations, used for every such key a scenario file leaves out. Levers' and
// parameters' defaults are in their tables (levers.ts, parameters/).
import type { CountedKind } from './schema.ts';

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
