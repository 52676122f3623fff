// New governance: organisations move into trusts not based on their locality, which loosens their local
// links (Area-Based Partnerships Project).
import { ORG_KINDS } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { chanceIn } from './time.ts';
import type { World } from './world.ts';

const MOVES = new Uint8Array(ORG_KINDS.map((k) => +(k === 'school' || k === 'academy' || k === 'college')));

/**
 * Moves schools, academies and colleges into non-local trusts at the fragmentation lever's yearly rate, and back to
 * local governance at governance.returnRate, in place, so that the share in non-local trusts settles where the two
 * flows balance. On moving into one, an organisation's local ties lose part of their strength at once and it values
 * local partnership less while it stays (its needs are met by the trust; see membership).
 */
export function fragmentInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const t = world.ties;
  const { strengthKept, returnRate } = ctx.params.governance;
  const out = chanceIn(ctx.levers.fragmentation, ctx.dt);
  const back = chanceIn(returnRate, ctx.dt);
  for (let i = 0; i < o.n; i++) {
    if (MOVES[o.kind[i]] === 0) continue;
    if (o.nonLocal[i] === 1) {
      if (ctx.rng() < back) o.nonLocal[i] = 0;
      continue;
    }
    if (ctx.rng() >= out) continue;
    o.nonLocal[i] = 1;
    for (const slot of o.ties[i]) t.strength[slot] *= strengthKept;
  }
}

/** Organisations move into trusts not based on their locality (ODD 7.2). */
export const governance: Mechanism = { id: 'governance', odd: '7.2', blocks: ['governance'], run: fragmentInPlace };
