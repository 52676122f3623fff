// Parameters of partnerships: members weighing benefit against cost, the ways partnerships form, the continuum they
// are scored on, and how organisations read a funding programme's schedule.
import type { BlockSpec } from './spec.ts';

/** Membership: benefit against cost, leaving, and what an exit is put down to (ODD 7.9). */
export const membership = {
  title: 'Membership: benefit against cost',
  odd: '7.9',
  params: {
    fundBenefit: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'benefit per unit carrot',
      meaning: 'value of the activities funding pays for to a fully committed member of a funded partnership, per unit of policy.carrot',
      source: 'assumption',
    },
    coordinationCover: {
      default: 1,
      range: [0.5, 1.5],
      limits: [0, 5],
      unit: 'share per unit carrot',
      meaning: 'share of a funded partnership’s coordination cost that funding pays for, per unit of policy.carrot (at most all of it)',
      source: { form: 'Glendinning et al. 2002 (funding to entice partnership)' },
    },
    fundMotiveFloor: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'multiplier',
      meaning: 'activity-value multiplier of a member with no resources motive (this plus the motive)',
      source: 'assumption',
    },
    complianceBenefit: {
      default: 0.6,
      range: [0.3, 0.9],
      unit: 'benefit per unit stick',
      meaning: 'penalty avoided by membership, per unit of policy.stick and of the compliance motive',
      source: 'assumption',
    },
    complianceOtherShare: {
      default: 0.3,
      range: [0, 0.6],
      unit: 'share',
      meaning: "share of that benefit counted for a partnership that is neither mandated nor the member's only one",
      source: 'assumption',
    },
    socialBenefit: {
      default: 2,
      range: [1.2, 2.8],
      unit: 'benefit',
      meaning: 'value of social capital: trust in partners and the strength of the partnership',
      source: { form: 'Field 2003; Dhillon 2009 (social capital marks sustained partnerships)' },
    },
    socialValuesFloor: {
      default: 0.4,
      range: [0.2, 0.6],
      unit: 'multiplier',
      meaning: 'social benefit multiplier of a member with no shared-values motive (this plus the motive)',
      source: 'assumption',
    },
    resourceBenefit: {
      default: 0.4,
      range: [0.2, 0.6],
      unit: 'benefit per unit power',
      meaning: 'value of access to more powerful partners, per unit of their power advantage',
      source: 'assumption',
    },
    resourceMotiveFloor: {
      default: 0.3,
      range: [0.1, 0.5],
      unit: 'multiplier',
      meaning: 'resource benefit multiplier of a member with no resources motive (this plus the motive)',
      source: 'assumption',
    },
    resourcePowerOffset: {
      default: 0.2,
      range: [0, 0.4],
      unit: 'power',
      meaning: 'power advantage added before it counts, so that equals still gain something',
      source: 'assumption',
    },
    coordinationCost: {
      default: 0.15,
      range: [0.075, 0.25],
      unit: 'cost',
      meaning: 'cost of coordination to each member of a partnership of coordinationSize members',
      source: 'assumption',
    },
    coordinationSize: {
      default: 3,
      range: [2, 6],
      positive: true,
      unit: 'members',
      meaning: 'size at which coordination costs coordinationCost; it grows with the square root of size',
      source: 'assumption',
    },
    supportRelief: {
      default: 0.25,
      range: [0.1, 0.4],
      limits: [0, 0.5],
      unit: 'share per unit support',
      meaning: 'share of the coordination cost local-authority officers take on, per unit of localAuthority.support',
      source: { form: 'ABPP (the contribution of local-authority officers)' },
    },
    politicsCost: {
      default: 1.2,
      range: [1, 1.4],
      limits: [0, 3],
      unit: 'multiplier',
      meaning: 'coordination cost multiplier where local politics gives no support',
      source: 'assumption',
    },
    politicsRelief: {
      default: 0.4,
      range: [0.2, 0.6],
      limits: [0, 3],
      unit: 'multiplier per unit politics',
      meaning: 'fall of that multiplier per unit of context.politics',
      source: 'assumption',
    },
    capacityCost: {
      default: 0.0708,
      range: [0.025, 0.1],
      unit: 'cost',
      meaning: 'cost per partnership a member belongs to, per unit of its (funded) capacity',
      source: { calibrated: "posterior median of calibrations/england.yaml (90% credible interval 0.0323 to 0.0965, 95% of its prior's)" },
    },
    capacityFloor: {
      default: 0.1,
      range: [0.05, 0.2],
      positive: true,
      unit: 'capacity',
      meaning: 'least effective capacity in that cost (so that it stays finite)',
      source: 'assumption',
    },
    competitionCost: {
      default: 0.8,
      range: [0.4, 1.2],
      unit: 'cost per unit competition',
      meaning: 'cost of helping rivals, per unit of market.competition, of exposure and of the share of rivals among partners',
      source: 'assumption',
    },
    valuesCost: {
      default: 0.6,
      range: [0.3, 0.9],
      unit: 'cost per unit distance',
      meaning: "cost of distance from partners' norms and cultures",
      source: { form: 'Dhillon 2009 (partners differ in organisational culture)' },
    },
    normsWeight: {
      default: 0.6,
      range: [0.3, 0.9],
      unit: 'weight',
      meaning: 'weight of the gap in norms (against the gap in cultures) in that distance',
      source: 'assumption',
    },
    leaveRate: {
      default: 6,
      range: [3, 12],
      unit: 'per year per unit deficit',
      meaning: 'rate per year of leaving per unit by which a member judges the partnership to cost more than it gives',
      source: 'assumption',
    },
    priorYears: {
      default: 1,
      range: [0, 3],
      unit: 'years',
      meaning:
        'years of evidence a member’s first judgement of a partnership is worth: it suspends judgement (holds its view at indifference) until it has learnt the partnership’s worth; 0 judges at once',
      source: {
        form: 'Fichman & Levinthal 1991; Levinthal & Fichman 1988 (initial stocks buffer new relationships while partners learn their worth)',
      },
    },
    memoryYears: {
      default: 2,
      range: [1, 4],
      positive: true,
      unit: 'years',
      meaning: 'how far back a member’s judgement of a partnership reaches (the time constant of its running view, once past the prior)',
      source: 'assumption',
    },
    commitmentRate: {
      default: 0.5,
      range: [0.25, 1],
      unit: 'per year',
      meaning:
        'rate per year at which a member’s commitment moves towards what its judgement says (1 when the partnership pays, 0 when it does not): a compelled member can come to want it',
      source: { form: 'Dhillon 2009 (commitment to shared norms and values)' },
    },
  },
} as const satisfies BlockSpec;

/** What every way of forming shares: capacity, partner choice, starting trust and funding (ODD 7.10.1, 7.10.7). */
export const partnerships = {
  title: 'Forming partnerships: capacity, partner choice, starting trust',
  odd: '7.10.1',
  params: {
    capacityBase: {
      default: 1,
      range: [1, 2],
      integer: true,
      unit: 'partnerships',
      meaning: 'partnerships an organisation with no capacity can carry',
      source: 'assumption',
    },
    capacityScale: {
      default: 3,
      range: [2, 5],
      unit: 'partnerships per unit capacity',
      meaning: 'further partnerships it can carry per unit of (funded) capacity, rounded down',
      source: 'assumption',
    },
    carrotCapacity: {
      default: 1,
      range: [0.5, 1.5],
      limits: [0, 5],
      unit: 'capacity per unit carrot',
      meaning:
        'capacity funding buys, as a share of an organisation’s own, per unit of policy.carrot, for the share of its partnerships that are funded (the carrot pays for staff time in them)',
      source: 'assumption',
    },
    gainBase: {
      default: 0.3,
      range: [0.15, 0.45],
      unit: 'gain',
      meaning: 'expected gain from any partner',
      source: 'assumption',
    },
    gainComplementarity: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'gain per unit power gap',
      meaning: 'expected gain per unit of power difference',
      source: 'assumption',
    },
    gainCapacity: {
      default: 0.2,
      range: [0.1, 0.3],
      unit: 'gain per unit capacity',
      meaning: "expected gain per unit of the partner's capacity",
      source: 'assumption',
    },
    gainRivalry: {
      default: 1,
      range: [0.5, 1.5],
      limits: [0, 3],
      unit: 'gain per unit competition',
      meaning: 'expected loss from a rival partner per unit of market.competition and of exposure',
      source: 'assumption',
    },
    acceptScore: {
      default: 0.3,
      range: [0.2, 0.4],
      unit: 'score',
      meaning: 'partner-choice score an invitee must see to accept, or a joiner to join',
      source: { form: 'Gorobets & Nooteboom 2006 (partner choice weighs trust against expected gain)' },
    },
    startTrust: {
      default: 0.1,
      range: [0.05, 0.2],
      unit: 'trust',
      meaning: 'trust of a new tie (calculus-based) in an area with no history and no political support',
      source: { form: 'Lewicki & Bunker 1996 (trust starts calculus-based)' },
    },
    startTrustHistory: {
      default: 0.25,
      range: [0.1, 0.4],
      unit: 'trust',
      meaning: 'extra starting trust per unit of context.history',
      source: 'assumption',
    },
    startTrustPolitics: {
      default: 0.1,
      range: [0, 0.2],
      unit: 'trust',
      meaning: 'extra starting trust per unit of context.politics',
      source: 'assumption',
    },
    newTieStrength: {
      default: 0.1,
      range: [0.05, 0.2],
      unit: 'strength',
      meaning: 'strength of a tie made by meeting, brokering or joining',
      source: 'assumption',
    },
    newMemberTies: {
      default: 5,
      range: [2, 8],
      integer: true,
      unit: 'ties',
      meaning: 'random members a new member is tied to (besides the lead), at most',
      source: 'assumption',
    },
    fundedAbove: {
      default: 0.05,
      range: [0.01, 0.1],
      unit: 'carrot',
      meaning: 'policy.carrot above which partnerships formed are incentivised and funded',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Meeting new contacts (ODD 7.10.2). */
export const meeting = {
  title: 'Meeting new contacts',
  odd: '7.10.2',
  params: {
    rate: {
      default: 0.36,
      range: [0.18, 0.72],
      unit: 'per year',
      meaning: 'rate per year at which an organisation meets a new contact (times politicsOffset + politics)',
      source: 'assumption',
    },
    politicsOffset: {
      default: 0.5,
      range: [0.25, 1],
      limits: [0, 2],
      unit: 'multiplier',
      meaning: 'meeting-rate multiplier where politics gives no support',
      source: 'assumption',
    },
    triadicShare: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'chance',
      meaning: "chance that a meeting goes through a partner's partner (triadic closure) rather than proximity in the area",
      source: { form: 'Granovetter 1973 (triadic closure)' },
    },
  },
} as const satisfies BlockSpec;

/** Joining by thresholds (ODD 7.10.3). */
export const joining = {
  title: 'Joining by thresholds',
  odd: '7.10.3',
  params: {
    considerRate: {
      default: 1.2,
      range: [0.6, 2.4],
      unit: 'per year',
      meaning: 'rate per year at which an organisation considers joining its peers’ partnerships',
      source: 'assumption',
    },
    thresholdMin: {
      default: 0.05,
      range: [0, 0.15],
      unit: 'share',
      meaning: 'least joining threshold (share of its tied peers that must be in a partnership before it joins)',
      source: { form: 'Granovetter 1978 (threshold models of collective behaviour)' },
    },
    thresholdSpread: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'share',
      meaning: 'width of the band of thresholds, drawn uniformly above the least',
      source: { form: 'Granovetter 1978' },
    },
    maxMembers: {
      default: 30,
      range: [15, 60],
      integer: true,
      unit: 'members',
      meaning: 'most members a partnership takes by joining',
      source: 'assumption',
    },
    politicsRelief: {
      default: 0.15,
      range: [0, 0.3],
      unit: 'share per unit politics',
      meaning: 'fall of the threshold per unit of context.politics',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Leaders initiating partnerships (ODD 7.10.4). */
export const initiation = {
  title: 'Leaders initiating',
  odd: '7.10.4',
  params: {
    rate: {
      default: 0.15,
      range: [0.075, 0.3],
      unit: 'per year',
      meaning: 'base rate per year at which a leader considers initiating a partnership',
      source: 'assumption',
    },
    experienceOffset: {
      default: 0.5,
      range: [0.25, 1],
      limits: [0, 2],
      unit: 'multiplier',
      meaning: "rate multiplier of a leader with no experience (this plus the leader's experience)",
      source: { form: 'ABPP (partnerships led by experienced leaders)' },
    },
    politicsOffset: {
      default: 0.5,
      range: [0.25, 1],
      limits: [0, 2],
      unit: 'multiplier',
      meaning: 'rate multiplier where politics gives no support (this plus context.politics)',
      source: 'assumption',
    },
    maxInvitees: {
      default: 5,
      range: [2, 8],
      integer: true,
      unit: 'organisations',
      meaning: 'most tied partners a leader invites (those it scores highest)',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Local authorities brokering (ODD 7.10.5). */
export const brokerage = {
  title: 'Local authorities brokering',
  odd: '7.10.5',
  params: {
    rate: {
      default: 1.5,
      range: [0.75, 3],
      unit: 'per year per area',
      meaning: 'rate per year at which officers broker a partnership, per unit of localAuthority.support',
      source: { form: 'ABPP (the contribution of local-authority officers)' },
    },
    politicsOffset: {
      default: 0.5,
      range: [0.25, 1],
      limits: [0, 2],
      unit: 'multiplier',
      meaning: 'rate multiplier where politics gives no support (this plus context.politics)',
      source: 'assumption',
    },
    sizeMin: {
      default: 2,
      range: [2, 3],
      integer: true,
      unit: 'organisations',
      meaning: 'fewest organisations officers set out to convene (besides the authority)',
      source: 'assumption',
    },
    sizeSpread: {
      default: 3,
      range: [1, 5],
      integer: true,
      limits: [1, 100],
      unit: 'organisations',
      meaning: 'how many more they may set out to convene, drawn uniformly below this',
      source: 'assumption',
    },
    triesPerInvitee: {
      default: 3,
      range: [2, 5],
      integer: true,
      unit: 'tries',
      meaning: 'approaches officers make per organisation they set out to convene',
      source: 'assumption',
    },
    officerCapacity: {
      default: 5,
      range: [2.5, 10],
      unit: 'capacity per unit support',
      meaning:
        'capacity for partnership work of a local authority, whose officers do its partnership work, per unit of localAuthority.support (a school’s is below 1)',
      source: 'assumption',
    },
    mediation: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'share per unit support',
      meaning:
        'share of the trust lost in a conflict that officers’ mediation saves, in a partnership the local authority takes part in, per unit of localAuthority.support',
      source: { form: 'ABPP (the contribution of local-authority officers)' },
    },
    continuity: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'share per unit support',
      meaning:
        'share of a leaving leader’s trust with partners that carries over to the new leader through the officers of a partnership the local authority takes part in (they introduce the newcomer), per unit of localAuthority.support',
      source: 'assumption',
    },
    trustBoost: {
      default: 0.1,
      range: [0, 0.2],
      unit: 'trust per unit support',
      meaning: "extra starting trust of a brokered tie per unit of localAuthority.support (the officers' credibility)",
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** Area-wide partnerships: convened by officers or experienced leaders, open to the whole area, at two depths (ODD 7.10.8). */
export const areaWide = {
  title: 'Area-wide partnerships',
  odd: '7.10.8',
  params: {
    officerRate: {
      default: 0.3,
      range: [0.1, 0.6],
      unit: 'per year per area',
      meaning:
        'rate per year at which local-authority officers convene an area-wide partnership in an area that has none, per unit of localAuthority.support',
      source: {
        form: 'ABPP (area partnerships convened with local-authority officers); Ansell & Gash 2008 (public agencies convene collaborative forums)',
      },
    },
    leaderRate: {
      default: 0.3,
      range: [0.1, 0.6],
      unit: 'per year per area',
      meaning:
        'rate per year at which the most experienced leader of an area that has none convenes an area-wide partnership, when fully experienced (in proportion to how far their experience is above experienceBar)',
      source: { form: 'ABPP (professional networks led by experienced school leaders); Ansell & Gash 2008 (facilitative leadership)' },
    },
    experienceBar: {
      default: 0.6,
      range: [0.4, 0.8],
      unit: 'experience',
      meaning: 'experience a leader must have before they convene an area-wide partnership',
      source: 'assumption',
    },
    widerLoad: {
      default: 0.2,
      range: [0.1, 0.4],
      limits: [0, 1],
      unit: 'share of a membership',
      meaning:
        'how much of a full membership a wider membership is: its share of the coordination cost and of the member’s capacity, and of the rate at which its norms converge on the agenda',
      source: { form: 'ABPP (members take part at different depths)' },
    },
    considerRate: {
      default: 1,
      range: [0.5, 2],
      unit: 'per year',
      meaning:
        'rate per year at which an organisation of the area outside its area-wide partnership considers taking up the open invitation',
      source: 'assumption',
    },
    deepenRate: {
      default: 0.5,
      range: [0.2, 1],
      unit: 'per year',
      meaning:
        'rate per year at which a wider member that judges the partnership worth it, has spare capacity and expects a full membership to pay moves into the core',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** The stick compelling partnership (ODD 7.10.6). */
export const mandate = {
  title: 'The stick: mandated partnerships',
  odd: '7.10.6',
  params: {
    rate: {
      default: 1.8,
      range: [0.9, 3.6],
      unit: 'per year per area',
      meaning: 'rate per year at which an authority mandates a partnership, per unit of policy.stick',
      source: 'assumption',
    },
    size: {
      default: 8,
      range: [4, 16],
      integer: true,
      limits: [2, 1000],
      unit: 'organisations',
      meaning: 'most organisations compelled into one partnership (besides the authority)',
      source: 'assumption',
    },
    takeChance: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'chance',
      meaning: 'chance that the authority takes each organisation in the core of no partnership it comes to',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** The weak-to-strong continuum (ODD 7.11). */
export const continuum = {
  title: 'The continuum',
  odd: '7.11',
  params: {
    thresholdCoordinating: {
      default: 0.25,
      range: [0.2, 0.3],
      unit: 'score',
      meaning:
        'continuum score from which a partnership is coordinating (below: networking); the four levels are quarters of the score, a convention',
      source: 'assumption',
    },
    thresholdCooperating: {
      default: 0.5,
      range: [0.45, 0.55],
      unit: 'score',
      meaning: 'score from which it is cooperating',
      source: 'assumption',
    },
    thresholdCollaborating: {
      default: 0.75,
      range: [0.7, 0.8],
      unit: 'score',
      meaning: 'score from which it is collaborating',
      source: 'assumption',
    },
    hysteresis: {
      default: 0.02,
      range: [0, 0.04],
      unit: 'score',
      meaning: 'margin past a threshold before the level moves (against flapping)',
      source: 'assumption',
    },
    densityWeight: {
      default: 0.4,
      range: [0.2, 0.6],
      unit: 'weight',
      meaning: "weight of the density of members' ties (against their mean strength) in the network feature",
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;

/** How organisations read a funding programme's schedule (ODD 7.0). */
export const funding = {
  title: 'The fund horizon',
  odd: '7.0',
  params: {
    fallShare: {
      default: 0.5,
      range: [0.25, 0.75],
      unit: 'share',
      meaning: 'a scheduled carrot below this share of the present one counts as the fund falling',
      source: 'assumption',
    },
    horizonYears: {
      default: 1,
      range: [0.5, 2],
      positive: true,
      unit: 'years',
      meaning: 'Y in the expected continuation E / (E + Y) of funding expected to last E more years',
      source: 'assumption',
    },
    credibility: {
      default: 0.7,
      range: [0.4, 1],
      unit: 'share',
      meaning:
        'how far organisations believe a programme’s announced schedule (1: they foresee its end exactly; 0: they expect any fund to last typicalYears)',
      source: 'assumption',
    },
    typicalYears: {
      default: 3,
      range: [2, 5],
      positive: true,
      unit: 'years',
      meaning:
        'how much longer organisations expect a fund to last, whatever is announced, to the extent they do not believe the announcement',
      source: 'assumption',
    },
  },
} as const satisfies BlockSpec;
