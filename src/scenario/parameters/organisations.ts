// Parameters of what happens to organisations themselves: leaders turning over, multi-academy trusts, the
// effort each gives to partnership work, partner-choice weights, norms converging among members, and the say power gives
// a member in its partnership.
import type { BlockSpec } from './spec.ts';

/** Leaders: turnover, moves between organisations, experience, personal networks and trustworthiness (ODD 7.1). */
export const leaders = {
  title: 'Leaders',
  odd: '7.1',
  params: {
    experienceGrowth: {
      default: 0.02,
      range: [0, 0.05],
      unit: 'per year',
      meaning: 'share of the gap to full experience a sitting leader closes each year',
      source: 'assumption',
    },
    experienceSpread: {
      default: 0.5,
      range: [0.2, 0.8],
      unit: 'experience',
      meaning: "width of the band around leaders.experience from which a new leader's experience is drawn",
      source: 'assumption',
    },
    normShift: {
      default: 0.3,
      range: [0, 0.6],
      unit: 'norms per unit culture',
      meaning: "width of the band of shifts a new leader brings to its organisation's norms, per unit of context.culture",
      source: 'assumption',
    },
    judgement: {
      default: 1,
      range: [0.5, 1],
      unit: 'weight per unit experience',
      meaning:
        'how far a leader’s experience shapes its judgement, per unit of experience: it weighs a partner’s reliability (its trustworthiness) besides the trust built so far, and judges a partnership on a longer memory (membership.memoryYears times 1 + this × (experience − 0.5))',
      source: { form: 'ABPP (partnerships led by experienced leaders)' },
    },
    restartTrust: {
      default: 0.1,
      range: [0, 0.3],
      unit: 'trust',
      meaning: 'leader-level trust a new leader starts with in every partner (calculus-based), with no shared history',
      source: 'assumption',
    },
    restartTrustHistory: {
      default: 0.1,
      range: [0, 0.3],
      unit: 'trust',
      meaning: 'extra restart trust per unit of context.history',
      source: 'assumption',
    },
    newContacts: {
      default: 3,
      range: [0, 6],
      unit: 'contacts',
      meaning:
        'personal contacts a fully experienced new leader brings (rounded, in proportion to experience): one from outside makes that many new contacts in the area; one who moves from another post carries that many of their ties, those they trusted most',
      source: { form: 'ABPP (professional networks of experienced leaders)' },
    },
    moveShare: {
      default: 0.3,
      range: [0.1, 0.5],
      unit: 'share',
      meaning:
        'share of the leaders who leave a post that seek another in the system (the rest retire or leave it); a vacancy takes such a leader, when there is one on the same career ladder, before one from outside',
      source: { form: 'Lynch et al. 2017 (headteachers are retained in headship in their own school or another)' },
    },
    giveUpRate: {
      default: 1,
      range: [0.5, 2],
      unit: 'per year',
      meaning: 'rate per year at which a leader seeking a post in the system gives up and leaves it',
      source: 'assumption',
    },
    contactStrength: {
      default: 0.15,
      range: [0.05, 0.3],
      unit: 'strength',
      meaning: "strength of a tie a new leader's personal contact gives",
      source: 'assumption',
    },
    contactTrust: {
      default: 0.45,
      range: [0.2, 0.7],
      unit: 'trust',
      meaning: 'least leader-level trust between a new leader and a personal contact',
      source: 'assumption',
    },
    trustworthinessValues: {
      default: 0.35,
      range: [0.15, 0.5],
      unit: 'temptation per unit motive',
      meaning: 'trustworthiness (temptation resisted before defecting) per unit of shared-values motive',
      source: { form: 'Gorobets & Nooteboom 2004 (trustworthiness as a threshold of defection)' },
    },
    trustworthinessSpread: {
      default: 0.15,
      range: [0, 0.3],
      unit: 'temptation',
      meaning:
        "trustworthiness from the leader's integrity (a draw from 0 to 1 that is the leader's own and moves with them), up to this much",
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Multi-academy trusts: schools join, found, merge, close and are handed on (ODD 7.2). */
export const governance = {
  title: 'Multi-academy trusts',
  odd: '7.2',
  params: {
    joinRate: {
      default: 0.846,
      range: [0.5, 2],
      unit: 'per year per unit fragmentation',
      meaning:
        'rate per year, per unit of governance.fragmentation, at which a school or academy outside a trust joins one (a maintained school converting to an academy as it joins)',
      source: {
        form: 'Academies Act 2010 (any maintained school may convert; DfE policy that academies join trusts)',
        calibrated: "posterior median of calibrations/england.yaml (90% credible interval 0.626 to 1.15, 39% of its prior's)",
      },
    },
    foundWeight: {
      default: 2,
      range: [0.5, 4],
      unit: 'weight per unit power',
      meaning:
        "weight, per unit of the joiner's power, of founding a trust of its own against joining one (a trust's weight is 1 or more): strong schools found trusts",
      source: {
        form: 'Hill 2015 (schools increasingly become trust sponsors); Hinds 2024, written answer 7327 (good and outstanding schools converted; underperforming ones are transferred into trusts)',
      },
    },
    sizeExponent: {
      default: 0.5,
      range: [0, 1],
      unit: 'exponent',
      meaning: "power of a trust's number of schools in its weight as a destination (0: size does not draw; 1: in proportion to size)",
      source: { form: 'Barabási & Albert 1999 (preferential attachment)' },
    },
    tiedWeight: {
      default: 1,
      range: [0, 3],
      unit: 'weight per tie',
      meaning:
        "extra weight of a trust as a destination per member or office the joiner is tied to (a trust's weight is (1 + this × ties) × size^sizeExponent)",
      source: 'assumption',
    },
    farCandidates: {
      default: 2,
      range: [0, 6],
      integer: true,
      unit: 'trusts',
      meaning:
        'trusts from anywhere a joiner also weighs, drawn at random, besides those based in its area and those of the organisations it is tied to',
      source: 'assumption',
    },
    maxSize: {
      default: 40,
      range: [10, 80],
      limits: [1, 1000],
      integer: true,
      unit: 'schools',
      meaning: 'most schools a trust takes on: a full trust is no destination for joiners, hand-ons or mergers',
      source: 'assumption',
    },
    strengthKept: {
      default: 0.7,
      range: [0.4, 1],
      unit: 'share',
      meaning:
        'share of the strength of each tie to an organisation outside its trust that a school keeps on joining a trust all of whose other schools are in other areas (in proportion for a trust partly elsewhere)',
      source: { form: 'ABPP (trusts not based on localities loosen local links)' },
    },
    memberTies: {
      default: 2,
      range: [0, 4],
      integer: true,
      unit: 'ties',
      meaning: "ties a joiner makes with its trust's schools (or office), drawn at random, on joining",
      source: 'assumption',
    },
    memberTieStrength: {
      default: 0.3,
      range: [0.1, 0.5],
      unit: 'strength',
      meaning: 'strength of a tie a joiner makes with a school of its trust (or raises an existing one to)',
      source: 'assumption',
    },
    memberTieTrust: {
      default: 0.4,
      range: [0.2, 0.6],
      unit: 'trust',
      meaning: 'least trust between a joiner and a school of its trust it is tied to on joining',
      source: 'assumption',
    },
    motiveAlign: {
      default: 0.3,
      range: [0, 0.6],
      unit: 'share',
      meaning: "share of the gap to its trust's lead's motive mix a joiner closes on joining (the trust's direction)",
      source: 'assumption',
    },
    centralShare: {
      default: 0.3,
      range: [0, 0.6],
      unit: 'share',
      meaning:
        "share of a member's capacity for partnership work its trust directs to the trust's own schools, in proportion to the share of those schools in other areas",
      source: { form: 'DfE: a multi-academy trust is one legal entity accountable for its academies (Education Committee 2017)' },
    },
    mergeRate: {
      default: 0.03,
      range: [0.01, 0.06],
      unit: 'per year',
      meaning: 'rate per year at which a trust founded by a school (not one with a central office) merges into another that has room',
      source: 'assumption',
    },
    handOnRate: {
      default: 0.01,
      range: [0, 0.03],
      unit: 'per year',
      meaning: 'rate per year at which a school is handed on (rebrokered) to another trust',
      source: { form: 'Education Committee 2017 (re-brokerage of academies, e.g. E-ACT losing ten schools)' },
    },
    closeRate: {
      default: 0.005,
      range: [0, 0.02],
      unit: 'per year',
      meaning: 'rate per year at which a trust founded by a school closes, its schools handed on (or left standing alone)',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Effort for partnership work and the shadow of the future (ODD 7.3). */
export const effort = {
  title: 'Effort and the shadow of the future',
  odd: '7.3',
  params: {
    valuesWeight: {
      default: 1,
      range: [0.5, 1],
      unit: 'effort per unit motive',
      meaning: 'effort given per unit of shared-values motive (Dhillon 2009: values motivate most)',
      source: 'assumption',
    },
    resourcesWeight: {
      default: 0.75,
      range: [0.4, 1],
      unit: 'effort per unit motive',
      meaning: 'effort given per unit of access-to-resources motive',
      source: 'assumption',
    },
    complianceWeight: {
      default: 0.45,
      range: [0.2, 0.8],
      unit: 'effort per unit motive',
      meaning: 'effort given per unit of compliance motive (least: compliance asks only the minimum)',
      source: 'assumption',
    },
    competitionDiversion: {
      default: 0.5,
      range: [0, 0.8],
      unit: 'share per unit competition',
      meaning:
        'share of an organisation’s capacity for partnership work that market competition draws away (to its own pupils and standing), per unit of market.competition and of its exposure',
      source: 'assumption',
    },
    firstMembershipCapacity: {
      default: 0.25,
      range: [0.1, 0.4],
      positive: true,
      unit: 'capacity',
      meaning: 'capacity an organisation needs to give full effort with no partnership',
      source: 'assumption',
    },
    membershipCapacity: {
      default: 0.2,
      range: [0.1, 0.3],
      unit: 'capacity',
      meaning: 'further capacity needed per partnership it belongs to',
      source: 'assumption',
    },
    continuation: {
      default: 0.85,
      range: [0.7, 0.95],
      unit: 'share',
      meaning: 'shadow of the future w of an organisation whose partnership benefits owe nothing to funding',
      source: { form: 'Nowak 2006 (reciprocity holds while w > c/b)' },
    },
    nonLocalShadowCut: {
      default: 0.25,
      range: [0, 0.5],
      unit: 'share',
      meaning:
        'cut in the shadow of the future of a member of a trust all of whose other schools are in other areas (its future lies with them; in proportion for a trust partly elsewhere)',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Adaptive weight on trust in partner choice (ODD 7.7). */
export const trustWeights = {
  title: 'Adaptive weight on trust',
  odd: '7.7',
  params: {
    start: {
      default: 0.5,
      range: [0.3, 0.7],
      unit: 'weight',
      meaning: 'weight on trust (against expected gain) in partner choice when the world is drawn (before the burn-in)',
      source: 'assumption',
    },
    up: {
      default: 0.05,
      range: [0.02, 0.1],
      unit: 'per defection',
      meaning: 'share of the gap to 1 the weight closes with each defection the organisation suffers',
      source: { form: 'Gorobets & Nooteboom 2006 (weights on trust adapt to experience)' },
    },
    down: {
      default: 0.005,
      range: [0.002, 0.01],
      unit: 'per cooperation',
      meaning: 'share of the weight lost with each cooperation the organisation receives',
      source: { form: 'Gorobets & Nooteboom 2006' },
    },
  },
} as const satisfies BlockSpec;

/** Norm convergence among members (ODD 7.8). */
export const norms = {
  title: 'Norm convergence',
  odd: '7.8',
  params: {
    convergence: {
      default: 0.06,
      range: [0.03, 0.12],
      unit: 'per year',
      meaning: "base rate per year at which a member closes the gap to its partnership's mean norms",
      source: { form: 'Field 2003; Dhillon 2009 (shared norms grow among partners)' },
    },
    trustOffset: {
      default: 0.5,
      range: [0.25, 1],
      unit: 'multiplier',
      meaning: "rate multiplier (this plus the partnership's trust)",
      source: 'assumption',
    },
    principlesBoost: {
      default: 1,
      range: [0, 2],
      limits: [0, 5],
      unit: 'multiplier',
      meaning: 'extra rate multiplier with a statement of principles (1 doubles the rate)',
      source: { form: 'ABPP (a clearly articulated statement of principles)' },
    },
    experienceFloor: {
      default: 0.7,
      range: [0.4, 1],
      limits: [0, 2],
      unit: 'multiplier',
      meaning: 'rate multiplier under a lead with no experience',
      source: 'assumption',
    },
    experienceGain: {
      default: 0.6,
      range: [0.3, 0.9],
      unit: 'multiplier per unit experience',
      meaning: "rise of the rate multiplier with the lead's experience",
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Power in governance: a member's say in its partnership's agenda and norms, and in who leads (ODD 7.8). */
export const power = {
  title: 'Power in governance',
  odd: '7.8',
  params: {
    influence: {
      default: 0.5,
      range: [0, 1],
      unit: 'weight',
      meaning:
        "how far power decides a member's say: its say is 1 − this + this × its power, and the partnership's agenda (which members' norms converge on, and against which each judges the values it shares) is the members' norms weighted by their say; a lead is chosen by (1 − this) × its leader's experience + this × its power (0: an equal say, and the most experienced leader leads)",
      source: {
        form: 'Dhillon 2009 (partners of varying power); Ansell & Gash 2008 (power and resource imbalances); DeGroot 1974 and Jia et al. 2015 (opinions converge to an average weighted by social power)',
      },
    },
  },
} as const satisfies BlockSpec;
