// How the classroom shows multi-academy trusts: a colour for each trust (its members' outline), and what happened to
// trusts in a step as events for the feed. The model keeps trusts as state (World.trusts, World.trustJoins), not in
// the event log, so the page reads a step's changes from that state: it never changes it.
import { ORG_KINDS } from '../scenario/schema.ts';
import type { World } from '../model/world.ts';

const SCHOOL = ORG_KINDS.indexOf('school');

/** What happened to a trust: a school founded it, joined it (a maintained school converting to an academy) or was handed
 * on to it from another trust; it merged into another trust, or closed. */
export const TRUST_EVENT_KINDS = ['trust-founded', 'trust-joined', 'trust-handed-on', 'trust-merged', 'trust-closed'] as const;
export type TrustEventKind = (typeof TRUST_EVENT_KINDS)[number];

/** One change to a trust in a step. */
export interface TrustEvent {
  readonly step: number;
  readonly kind: TrustEventKind;
  /** The trust founded, joined, handed on to, merged or closed. */
  readonly trust: number;
  /** The school that founded, joined or was handed on; -1 for a merger or a closure. */
  readonly org: number;
  /** The trust a school was handed on from, or the trust a trust merged into; -1 otherwise. */
  readonly other: number;
  /** Whether the school was a maintained school that converted to an academy on joining. */
  readonly converted: boolean;
  /** The area the trust (for a merger, the trust merged into) was based in after the step. */
  readonly home: number;
  /** For a merger or a closure: its schools before the step, and how many of them joined another trust. */
  readonly schools: number;
  readonly moved: number;
}

/** The state a step's trust events are read against: each organisation's kind and trust, and how many trusts and
 * joinings there were, before the step. */
export interface TrustSnapshot {
  readonly kind: Uint8Array;
  readonly trust: Int32Array;
  readonly trusts: number;
  readonly joins: number;
}

/** Returns the world's trust state before a step. */
export function trustSnapshot(world: World): TrustSnapshot {
  return {
    kind: world.orgs.kind.slice(),
    trust: world.orgs.trust.slice(),
    trusts: world.trusts.length,
    joins: world.trustJoins.length,
  };
}

/** Returns what happened to trusts in `step`, from the world after it and its snapshot before it, in the order it
 * happened: a merger or closure once (not as each of its schools' moves), a trust founded rather than its founder's
 * joining, then each joining and handing on. */
export function trustEventsOfStep(world: World, before: TrustSnapshot, step: number): TrustEvent[] {
  const events: TrustEvent[] = [];
  const ended = new Map<number, { kind: 'trust-merged' | 'trust-closed'; other: number; schools: number; moved: number }>();
  for (let t = 0; t < before.trusts; t++) {
    const trust = world.trusts[t];
    if (trust.ended !== step) continue;
    let schools = 0;
    for (let i = 0; i < before.trust.length; i++) schools += +(before.trust[i] === t);
    ended.set(t, { kind: trust.endReason === 'merged' ? 'trust-merged' : 'trust-closed', other: -1, schools, moved: 0 });
  }
  const current = new Map<number, number>();
  const founded = new Set<number>();
  const base = { step, other: -1, converted: false, schools: 0, moved: 0 };
  for (let k = before.joins; k < world.trustJoins.length; k++) {
    const { org, trust: t } = world.trustJoins[k];
    const from = current.get(org) ?? before.trust[org];
    current.set(org, t);
    const end = from >= 0 ? ended.get(from) : undefined;
    if (end) {
      end.moved++;
      end.other = t;
      continue;
    }
    const converted = from < 0 && before.kind[org] === SCHOOL;
    const home = world.trusts[t].home;
    if (t >= before.trusts && world.trusts[t].office < 0 && !founded.has(t)) {
      founded.add(t);
      events.push({ ...base, kind: 'trust-founded', trust: t, org, converted, home });
    } else if (from >= 0) {
      events.push({ ...base, kind: 'trust-handed-on', trust: t, org, other: from, home });
    } else {
      events.push({ ...base, kind: 'trust-joined', trust: t, org, converted, home });
    }
  }
  // Mergers and closures come first in the step (ODD 7.2), though only the joinings after them say where schools went.
  const endings = [...ended].map(([t, end]): TrustEvent => {
    const other = end.kind === 'trust-merged' ? end.other : -1;
    const home = world.trusts[other >= 0 ? other : t].home;
    return { ...base, kind: end.kind, trust: t, org: -1, other, home, schools: end.schools, moved: end.moved };
  });
  return [...endings, ...events];
}

/** Gives each trust not yet coloured a colour, in place: of `palette` colours, the one fewest open trusts based in its
 * area have, then the one fewest open trusts have (the lowest on a tie), so that neighbouring trusts differ; a trust
 * keeps its colour for the run. */
export function colourTrustsInPlace(world: World, colours: number[], palette: number): void {
  for (let t = colours.length; t < world.trusts.length; t++) {
    const near = new Array<number>(palette).fill(0);
    const all = new Array<number>(palette).fill(0);
    const home = world.trusts[t].home;
    for (let u = 0; u < t; u++) {
      if (world.trusts[u].ended !== null) continue;
      all[colours[u]]++;
      near[colours[u]] += +(world.trusts[u].home === home);
    }
    let best = 0;
    for (let c = 1; c < palette; c++) if (near[c] < near[best] || (near[c] === near[best] && all[c] < all[best])) best = c;
    colours.push(best);
  }
}
