// The weak-to-strong continuum: each partnership scored on Dhillon's four features (trust, networks,
// shared norms and values, motivations; Dhillon 2009, 2013) and placed on Himmelman's ordinal levels.
import type { ModelParams } from '../scenario/parameters/index.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { LEVEL_NAMES } from './vocabulary.ts';
import { effectiveTrust, findTieFrom, type Partnership, type World } from './world.ts';

/** Returns the ordinal level for a score, moving from the current level only past a margin beyond each threshold (so noise does not flap it), by as many levels as the score has cleared. */
export function levelFor(score: number, current: number, p: ModelParams['continuum']): number {
  const h = p.hysteresis;
  let up = 0;
  let down = 0;
  for (const t of [p.thresholdCoordinating, p.thresholdCooperating, p.thresholdCollaborating]) {
    up += +(score >= t + h);
    down += +(score >= t - h);
  }
  return up > current ? up : down < current ? down : current;
}

/** The standard deviation of a variable spread uniformly over a band of width 1: a band of width w has w times it. */
const UNIFORM_SD = 1 / Math.sqrt(12);

/**
 * Scores a partnership's four features in place (Dhillon 2009, 2013), each from 0 to 1: trust (mean effective trust
 * between tied members); network (the density of ties among members and their mean strength); norms (how far members'
 * norms have converged: 1 less the spread of their norms as a share of the spread of cultures in their area, which
 * context.culture sets); motivation (members' mean commitment to the partnership). The continuum score is their mean.
 * An area-wide partnership's trust and network are its core's (the ties among core members); its norms and motivation
 * are all its members'; a wider member's trust is its trust in the lead.
 * Also records each member's mean trust in the members it is tied to, which it weighs in the next step.
 */
export function scorePartnershipInPlace(world: World, ctx: StepContext, p: Partnership): void {
  const o = world.orgs;
  const t = world.ties;
  const P = ctx.params.continuum;
  const lw = ctx.params.trustTypes.leaderWeight;
  const members = p.members;
  // Each member's sums: effective trust, trust between the organisations and between leaders, ties (seen[4j] on).
  const seen = o.seen;
  for (let k = 0; k < members.length; k++) {
    const at = 4 * members[k];
    seen[at] = 0;
    seen[at + 1] = 0;
    seen[at + 2] = 0;
    seen[at + 3] = 0;
  }
  let trust = 0;
  let strength = 0;
  const slots = p.ties;
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k];
    const a = 4 * t.a[slot];
    const b = 4 * t.b[slot];
    const ab = effectiveTrust(t.trustAB[slot], t.leaderAB[slot], lw);
    const ba = effectiveTrust(t.trustBA[slot], t.leaderBA[slot], lw);
    seen[a] += ab;
    seen[b] += ba;
    seen[a + 1] += t.trustAB[slot];
    seen[b + 1] += t.trustBA[slot];
    seen[a + 2] += t.leaderAB[slot];
    seen[b + 2] += t.leaderBA[slot];
    seen[a + 3]++;
    seen[b + 3]++;
    trust += ab + ba;
    strength += t.strength[slot];
  }
  const tied = p.ties.length;
  let norms = 0;
  let norms2 = 0;
  let motivation = 0;
  const r = world.roles;
  for (let k = 0; k < p.members.length; k++) {
    const i = p.members[k];
    const role = p.roles[k];
    if (r.core[role] === 1) {
      const at = 4 * i;
      const tiedTo = Math.max(1, seen[at + 3]);
      r.trust[role] = seen[at] / tiedTo;
      r.orgTrust[role] = seen[at + 1] / tiedTo;
      r.leaderTrust[role] = seen[at + 2] / tiedTo;
    } else {
      // A wider member's trust is in the lead, its one contact there (none once that tie is dropped).
      const slot = findTieFrom(world, i, p.lead, r.leadTie[role]);
      r.leadTie[role] = slot;
      const mine = slot >= 0 && t.a[slot] === i;
      r.orgTrust[role] = slot < 0 ? 0 : mine ? t.trustAB[slot] : t.trustBA[slot];
      r.leaderTrust[role] = slot < 0 ? 0 : mine ? t.leaderAB[slot] : t.leaderBA[slot];
      r.trust[role] = effectiveTrust(r.orgTrust[role], r.leaderTrust[role], lw);
    }
    norms += o.norms[i];
    norms2 += o.norms[i] * o.norms[i];
    motivation += r.commitment[role];
  }
  const m = p.members.length;
  // The network is the core's: its density among the core members.
  const density = (2 * tied) / (p.core * (p.core - 1));
  const spread = Math.sqrt(Math.max(0, norms2 / m - (norms / m) ** 2));
  const areaSpread = Math.max(1e-6, ctx.levers.culture[p.area] * UNIFORM_SD);
  p.trust = tied > 0 ? trust / (2 * tied) : 0;
  p.network = P.densityWeight * density + (1 - P.densityWeight) * (tied > 0 ? strength / tied : 0);
  p.norms = 1 - Math.min(1, spread / areaSpread);
  p.motivation = motivation / m;
  p.score = (p.trust + p.network + p.norms + p.motivation) / 4;
}

/** Scores every active partnership and moves it along the continuum, recording strengthened and weakened events. */
export function scoreContinuumInPlace(world: World, ctx: StepContext): void {
  const active = world.active;
  for (let k = 0; k < active.length; k++) {
    const p = world.partnerships[active[k]];
    scorePartnershipInPlace(world, ctx, p);
    if (p.score > p.peak.score) p.peak = { trust: p.trust, network: p.network, norms: p.norms, motivation: p.motivation, score: p.score };
    const level = levelFor(p.score, p.level, ctx.params.continuum);
    if (level !== p.level) {
      const kind = level > p.level ? 'strengthened' : 'weakened';
      ctx.emit({
        step: ctx.step,
        kind,
        partnership: p.id,
        organisations: [...p.members],
        cause: strongestDriver(p, kind),
        level: LEVEL_NAMES[level],
      });
      p.level = level;
      p.peakLevel = Math.max(p.peakLevel, level);
    }
  }
}

/** Returns the feature that most drove a move: the highest when it strengthened, the lowest when it weakened. */
function strongestDriver(p: Partnership, kind: 'strengthened' | 'weakened'): string {
  const features: [string, number][] = [
    ['trust', p.trust],
    ['network', p.network],
    ['norms', p.norms],
    ['motivation', p.motivation],
  ];
  features.sort((x, y) => (kind === 'strengthened' ? y[1] - x[1] : x[1] - y[1]));
  return features[0][0];
}

/** Each partnership is scored on the continuum and its level moves (ODD 7.11). */
export const continuum: Mechanism = { id: 'continuum', odd: '7.11', blocks: ['continuum', 'trustTypes'], run: scoreContinuumInPlace };
