// The mechanisms of a step, in the order they run: one entry each, with what it does and which others it needs.
// A scenario may switch any of them off (`mechanisms: { <id>: false }`) for an ablation study; the model supplies
// each one's implementation (src/model/schedule.ts), and the compiler demands one for every entry here.

/** One mechanism of the step. */
export interface MechanismSpec {
  /** What it does, in a line (the schema's description and the ODD's step list). */
  readonly meaning: string;
  /** Mechanisms whose results it reads: it cannot run with them switched off. */
  readonly needs: readonly string[];
}

/** The step's mechanisms, in order (ODD §3). */
export const MECHANISMS = {
  leaders: { meaning: 'leaders turn over and gain experience', needs: [] },
  governance: { meaning: 'organisations move into trusts not based on their locality', needs: [] },
  interaction: {
    meaning: 'partners interact, contribute or defect; trust and reputation update; ties strengthen, fade or are dropped',
    needs: [],
  },
  trustWeights: { meaning: 'partner-choice weights on trust adapt to defection and cooperation suffered', needs: ['interaction'] },
  norms: { meaning: "members' norms converge towards their partnership's", needs: [] },
  membership: {
    meaning: 'members weigh benefit against cost, leave, and partnerships with fewer than two members dissolve',
    needs: ['continuum'],
  },
  meeting: { meaning: 'organisations meet new contacts', needs: [] },
  joining: { meaning: "organisations join their peers' partnerships", needs: [] },
  initiation: { meaning: 'leaders initiate partnerships with trusted partners', needs: [] },
  brokerage: { meaning: 'local-authority officers broker partnerships', needs: [] },
  areaWide: {
    meaning:
      'officers and experienced leaders convene area-wide partnerships open to every organisation of the area; organisations join their wider membership and wider members move into the core',
    needs: [],
  },
  mandate: { meaning: 'the stick compels organisations in no partnership into one', needs: [] },
  continuum: { meaning: 'each partnership is scored on the continuum and its level moves', needs: [] },
} as const satisfies Record<string, MechanismSpec>;

export type MechanismId = keyof typeof MECHANISMS;
export const MECHANISM_IDS = Object.keys(MECHANISMS) as readonly MechanismId[];

/** Returns the mechanisms a switched-on one needs that are switched off: [needer, needed] pairs, in step order. */
export function unmetNeeds(off: ReadonlySet<string>): [MechanismId, MechanismId][] {
  return MECHANISM_IDS.filter((id) => !off.has(id)).flatMap((id) =>
    (MECHANISMS[id].needs as readonly MechanismId[]).filter((need) => off.has(need)).map((need): [MechanismId, MechanismId] => [id, need]),
  );
}
