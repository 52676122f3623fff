// New governance: organisations move into trusts not based on their locality, which loosens their local
// links (Area-Based Partnerships Project).
import { ORG_KINDS } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import type { World } from './world.ts';

const MOVES = new Uint8Array(ORG_KINDS.map((k) => +(k === 'school' || k === 'academy' || k === 'college')));

/**
 * Moves schools, academies and colleges into non-local trusts at the fragmentation lever's yearly rate,
 * in place. Once in one, an organisation's local ties lose part of their strength at once and it values
 * local partnership less from then on (its needs are met by the trust; see membership).
 */
export function fragmentInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const t = world.ties;
  const kept = ctx.params.governance.strengthKept;
  const chance = ctx.levers.fragmentation / ctx.stepsPerYear;
  for (let i = 0; i < o.n; i++) {
    if (o.nonLocal[i] === 1 || MOVES[o.kind[i]] === 0 || ctx.rng() >= chance) continue;
    o.nonLocal[i] = 1;
    for (const slot of o.ties[i]) t.strength[slot] *= kept;
  }
}

/** Organisations move into trusts not based on their locality (ODD 7.2). */
export const governance: Mechanism = { id: 'governance', odd: '7.2', blocks: ['governance'], run: fragmentInPlace };
