// New governance: schools convert to academies and join multi-academy trusts, which are founded, grow, merge and
// rarely close or hand schools on; a trust based elsewhere loosens its schools' local links (Area-Based Partnerships
// Project; Academies Act 2010; House of Commons Education Committee 2017).
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { chanceIn } from './time.ts';
import { foundTrustInPlace, joinsTrusts, joinTrustInPlace, leaveTrustInPlace } from './trusts.ts';
import type { World } from './world.ts';

/** What a school weighing trusts may not choose: a trust to leave out (its own), and whether it may found one. */
interface Choice {
  readonly exclude: number;
  readonly mayFound: boolean;
  /** Schools it brings (1, or a merging trust's size): a destination needs room for them. */
  readonly bringing: number;
}

/**
 * Returns the trust school i goes to (a trust's id, `found` for a trust of its own, or -1 for none), drawing from the
 * context's generator. It weighs the open trusts based in its area, those of the organisations it is tied to, and
 * governance.farCandidates drawn from all open trusts; each with room weighs (1 + tiedWeight × its members and office i
 * is tied to) × its schools^sizeExponent, times governance.fragmentation when it is based in another area (the lever:
 * moves into trusts not based on the locality; trusts grow by drawing schools, Barabási & Albert 1999). Founding a trust
 * of its own weighs foundWeight × its power (strong schools found trusts).
 */
export function chooseTrust(world: World, ctx: StepContext, i: number, open: readonly number[], choice: Choice): number | 'found' {
  const o = world.orgs;
  const P = ctx.params.governance;
  const tied = new Map<number, number>();
  const consider = (t: number, ties: number) => {
    if (t < 0 || t === choice.exclude) return;
    const trust = world.trusts[t];
    if (trust.ended !== null || trust.members.length + choice.bringing > P.maxSize) return;
    tied.set(t, (tied.get(t) ?? 0) + ties);
  };
  for (const t of open) if (world.trusts[t].home === o.area[i]) consider(t, 0);
  const partner = o.ties.columns.partner;
  for (let k = o.ties.start[i]; k < o.ties.start[i] + o.ties.length[i]; k++) consider(o.trust[partner[k]], 1);
  for (let k = 0; k < P.farCandidates && open.length > 0; k++) consider(open[Math.floor(ctx.rng() * open.length)], 0);
  const candidates = [...tied.keys()].sort((x, y) => x - y);
  const weights = candidates.map((t) => {
    const trust = world.trusts[t];
    const here = trust.home === o.area[i] ? 1 : ctx.levers.fragmentation;
    return (1 + P.tiedWeight * (tied.get(t) as number)) * Math.max(1, trust.members.length) ** P.sizeExponent * here;
  });
  const found = choice.mayFound ? P.foundWeight * o.power[i] : 0;
  const total = weights.reduce((s, w) => s + w, found);
  if (!(total > 0)) return -1;
  let draw = ctx.rng() * total;
  for (let k = 0; k < candidates.length; k++) {
    draw -= weights[k];
    if (draw < 0 && weights[k] > 0) return candidates[k];
  }
  return found > 0 ? 'found' : -1;
}

/**
 * Moves schools into, between and out of trusts, in place, from step 1 on (the burn-in leaves the starting world's
 * trusts as they are: the academies programme is a change with a start, not a settled process). In this order: each
 * trust a school founded closes at governance.closeRate a year (its schools handed on, or left standing alone) or merges
 * at governance.mergeRate a year into the trust its lead would choose (all its schools moving); each school in a trust
 * is handed on at governance.handOnRate a year to the trust it would choose; each school or academy outside a trust
 * joins one at governance.joinRate × governance.fragmentation a year, founding its own when it chooses to (chooseTrust).
 */
export function governTrustsInPlace(world: World, ctx: StepContext): void {
  if (ctx.step < 1) return;
  const o = world.orgs;
  const P = ctx.params.governance;
  const open = world.trusts.filter((t) => t.ended === null).map((t) => t.id);
  const close = chanceIn(P.closeRate, ctx.dt);
  const merge = chanceIn(P.mergeRate, ctx.dt);
  for (const t of [...open]) {
    const trust = world.trusts[t];
    if (trust.office >= 0 || trust.ended !== null) continue;
    const draw = ctx.rng();
    if (draw < close) {
      for (const i of [...trust.members]) {
        leaveTrustInPlace(world, ctx, i);
        const to = chooseTrust(world, ctx, i, open, { exclude: t, mayFound: false, bringing: 1 });
        if (typeof to === 'number' && to >= 0) joinTrustInPlace(world, ctx, i, to);
      }
    } else if (draw < close + merge) {
      const to = chooseTrust(world, ctx, trust.lead, open, { exclude: t, mayFound: false, bringing: trust.members.length });
      if (typeof to !== 'number' || to < 0) continue;
      for (const i of [...trust.members]) {
        leaveTrustInPlace(world, ctx, i, 'merged');
        joinTrustInPlace(world, ctx, i, to);
      }
    }
  }
  const handOn = chanceIn(P.handOnRate, ctx.dt);
  const join = chanceIn(P.joinRate * ctx.levers.fragmentation, ctx.dt);
  for (let i = 0; i < o.n; i++) {
    if (!joinsTrusts(o.kind[i])) continue;
    const from = o.trust[i];
    if (from >= 0) {
      if (ctx.rng() >= handOn) continue;
      const to = chooseTrust(world, ctx, i, open, { exclude: from, mayFound: false, bringing: 1 });
      if (typeof to !== 'number' || to < 0) continue;
      leaveTrustInPlace(world, ctx, i);
      joinTrustInPlace(world, ctx, i, to);
      continue;
    }
    if (ctx.rng() >= join) continue;
    const to = chooseTrust(world, ctx, i, open, { exclude: -1, mayFound: true, bringing: 1 });
    if (to === 'found') open.push(foundTrustInPlace(world, ctx, { school: i }));
    else if (to >= 0) joinTrustInPlace(world, ctx, i, to);
  }
}

/** Schools join, found and leave multi-academy trusts; trusts merge and close (ODD 7.2). */
export const governance: Mechanism = { id: 'governance', odd: '7.2', blocks: ['governance'], run: governTrustsInPlace };
