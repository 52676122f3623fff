// The model's fixed parameters: the constants of each mechanism that are not public levers.
// Each names the mechanism it belongs to and its source; docs/ODD.md lists them with ranges.
import type { OrgKind } from '../scenario/schema.ts';

/** How each kind of organisation starts: mean power, capacity for partnership work, motivation mix
 * (shared values, access to resources, compliance; normalised per organisation), exposure to market
 * competition (rivalry itself is between organisations of the same kind in the same area). Dhillon (2009): partners
 * differ in power, culture and reasons for joining; ABPP: schools and academies compete for pupils. */
export const KIND_PROFILES: Readonly<
  Record<
    OrgKind,
    {
      power: number;
      capacity: number;
      values: number;
      resources: number;
      compliance: number;
      exposure: number;
    }
  >
> = {
  school: { power: 0.3, capacity: 0.45, values: 0.45, resources: 0.35, compliance: 0.2, exposure: 1.0 },
  academy: { power: 0.4, capacity: 0.5, values: 0.3, resources: 0.45, compliance: 0.25, exposure: 1.0 },
  trust: { power: 0.7, capacity: 0.7, values: 0.3, resources: 0.5, compliance: 0.2, exposure: 0.6 },
  college: { power: 0.6, capacity: 0.6, values: 0.35, resources: 0.45, compliance: 0.2, exposure: 0.8 },
  provider: { power: 0.3, capacity: 0.4, values: 0.25, resources: 0.6, compliance: 0.15, exposure: 0.8 },
  community: { power: 0.2, capacity: 0.35, values: 0.7, resources: 0.25, compliance: 0.05, exposure: 0.1 },
  localAuthority: { power: 0.6, capacity: 0.6, values: 0.6, resources: 0.2, compliance: 0.2, exposure: 0 },
};

/** Parameters of the step's mechanisms. Units: per step unless said; trust, strength and scores in [0, 1]. */
export const PARAMS = {
  // Interaction: Nowak (2006) reciprocity condition w*b > c; Gorobets & Nooteboom (2004) defection threshold.
  /** Probability per step that two organisations tied outside any shared partnership interact, per unit of tie strength. */
  informalContact: 0.3,
  /** The contribution partners expect of each other (b in Pant & Yu's signal). */
  expectedContribution: 0.5,
  /** Base benefit of mutual cooperation, and its extra inside a shared partnership. */
  benefitBase: 0.45,
  benefitShared: 0.3,
  /** Base cost of contributing, and its extra for an organisation short of capacity. */
  costBase: 0.2,
  costCapacity: 0.3,
  /** Scale of the logistic noise in each cooperate/defect decision: defection has probability 1 / (1 + exp((threshold - temptation) / scale)). */
  decisionNoise: 0.15,
  /** Share of the competition lever that a rival's temptation to defect carries. */
  rivalryTemptation: 1.0,
  // Trust types: Lewicki & Bunker (1996); deeper trust is harder to lose.
  /** Interactions after which trust is knowledge-based rather than calculus-based. */
  knowledgeInteractions: 12,
  /** Norm distance and trust at which knowledge-based trust becomes identification-based. */
  identificationNormGap: 0.12,
  identificationTrust: 0.6,
  /** Multiplier of trust loss for knowledge- and identification-based trust (calculus-based: 1). */
  knowledgeResilience: 0.75,
  identificationResilience: 0.5,
  /** Weight of leader-level trust in the effective trust between two organisations. */
  leaderTrustWeight: 0.5,
  // Tie strength: Granovetter (1973); ties kept when their benefit exceeds their cost: Jackson & Wolinsky (1996).
  strengthGrowth: 0.08,
  strengthDecay: 0.02,
  /** A tie outside any partnership whose strength falls below this (after the grace period) is dropped. */
  tieDropStrength: 0.04,
  tieGraceSteps: 6,
  /** Chance per step that an organisation meets a new contact (before context scaling). */
  meetRate: 0.03,
  // Adaptive partner-choice weights: Gorobets & Nooteboom (2006).
  trustWeightUp: 0.05,
  trustWeightDown: 0.005,
  // Membership: benefit against cost (Jackson & Wolinsky 1996), goodwill buffer (Fichman & Levinthal 1991).
  fundBenefit: 0.5,
  complianceBenefit: 0.6,
  socialBenefit: 1.0,
  resourceBenefit: 0.4,
  goodwillStart: 0.3,
  goodwillFundedExtra: 0.2,
  goodwillDecay: 0.04,
  coordinationCost: 0.2,
  capacityCost: 0.05,
  competitionCost: 0.8,
  valuesCost: 0.6,
  /** Share of local partnership benefit that an organisation in a non-local trust still values (ABPP). */
  nonLocalValue: 0.6,
  /** Smoothing of each member's running view of its net benefit. */
  satisfactionMemory: 0.85,
  /** Leaving probability per step per unit of negative satisfaction. */
  leaveRate: 0.8,
  // Formation: Granovetter (1978) thresholds; brokerage by local authorities (ABPP).
  joinConsiderRate: 0.1,
  initiateRate: 0.012,
  brokerRate: 0.12,
  mandateRate: 0.15,
  mandateSize: 8,
  maxInvitees: 5,
  /** Partner-choice score an invitee must see in the initiator to accept. */
  acceptScore: 0.3,
  // Norm convergence among members: Field (2003), Dhillon (2009).
  normConvergence: 0.005,
  // Leaders: turnover resets leader-level trust; experience grows with tenure (years).
  experienceGrowth: 0.02,
  newLeaderContacts: 3,
  // Continuum: thresholds of the score (the mean of the four features) between levels, and hysteresis against flapping.
  levelThresholds: [0.42, 0.54, 0.66] as readonly number[],
  levelHysteresis: 0.02,
  /** Values below this are flushed to zero: subnormal floats slow the step loop many-fold. */
  flush: 1e-9,
} as const;
