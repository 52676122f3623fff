// Leaders as people: they take posts, gain experience in them, and leave them — to retire, to leave the system, or to
// lead another organisation, carrying their personal network, the leader-level trust in it and their integrity (Dhillon
// 2009; ABPP: professional networks of experienced leaders; Lynch et al. 2017: heads stay in headship in their own
// school or another).
import { ORG_KINDS } from '../scenario/schema.ts';
import type { ModelParams } from '../scenario/parameters/index.ts';
import type { StepContext } from './context.ts';
import type { Mechanism } from './mechanism.ts';
import { chanceIn, chanceOfShareIn } from './time.ts';
import { addLeaderInPlace, addTieInPlace, experienceOf, listOf, otherEnd, type Seeker, type World } from './world.ts';

/** Returns a new leader's experience: the lever's mean with a spread, in [0, 1]. */
export function drawExperience(ctx: StepContext): number {
  return Math.min(1, Math.max(0, ctx.levers.experience + (ctx.rng() - 0.5) * ctx.params.leaders.experienceSpread));
}

/** Returns an organisation's trustworthiness, the temptation it resists (Gorobets & Nooteboom 2004): higher with
 * shared-values motives, plus its leader's integrity (a draw from 0 to 1 that is the leader's own). */
export function trustworthinessOf(params: ModelParams, values: number, integrity: number): number {
  const P = params.leaders;
  return P.trustworthinessValues * values + P.trustworthinessSpread * integrity;
}

// The career ladder of each kind: heads of schools and academies lead either; every other kind's leaders lead its own.
const LADDER = Int32Array.from(ORG_KINDS, (kind, k) => (kind === 'academy' ? ORG_KINDS.indexOf('school') : k));

/** Returns whether a leader of an organisation of kind `from` may lead one of kind `to`: the same kind, or a school and
 * an academy. */
export function sameLadder(from: number, to: number): boolean {
  return LADDER[from] === LADDER[to];
}

/** Puts leader `id` in post at organisation i, in place, from this step: its leader id and trustworthiness (the org's
 * motives and the leader's integrity); the post is recorded. */
function appointInPlace(world: World, ctx: StepContext, i: number, id: number): void {
  const o = world.orgs;
  const L = world.leaders;
  L.org[id] = i;
  L.since[id] = ctx.step;
  o.leaderId[i] = id;
  o.leaderExperience[i] = L.experience[id];
  o.trustworthiness[i] = trustworthinessOf(ctx.params, o.motValues[i], L.integrity[id]);
  L.post[id] =
    world.posts.push({ leader: id, org: i, from: ctx.step, to: null, startExperience: L.experience[id], endExperience: null }) - 1;
}

/** Puts a leader from outside the system in post at organisation i, in place (at the start, or filling a vacancy no one
 * in the system fills): experience drawn around the lever, integrity drawn. Returns their id. */
export function appointNewcomerInPlace(world: World, ctx: StepContext, i: number): number {
  const id = addLeaderInPlace(world, drawExperience(ctx), ctx.rng());
  appointInPlace(world, ctx, i, id);
  return id;
}

/** Returns the personal network the leader of organisation i takes with them: the ties of i they trust most at leader
 * level, as many as newContacts × their experience (rounded), each with its organisation, that organisation's leader
 * and the leader-level trust each way. */
function personalNetwork(world: World, ctx: StepContext, i: number): Seeker['contacts'] {
  const t = world.ties;
  const size = Math.round(ctx.params.leaders.newContacts * experienceOf(world, i));
  if (size === 0) return [];
  return listOf(world.orgs.ties, 'slot', i)
    .map((slot) => {
      const j = otherEnd(t, slot, i);
      const lower = t.a[slot] === i;
      return {
        org: j,
        leader: world.orgs.leaderId[j],
        mine: lower ? t.leaderAB[slot] : t.leaderBA[slot],
        theirs: lower ? t.leaderBA[slot] : t.leaderAB[slot],
      };
    })
    .sort((x, y) => y.mine - x.mine || x.org - y.org)
    .slice(0, size);
}

/**
 * Turns leaders over, in place, so that the lever's share of organisations lose their leader in a year. Sitting leaders
 * gain experience with time in post. A leader who leaves takes the leader-level trust of their organisation's ties with
 * them: each restarts at a calculus-based level, but for the share that officers carry over on the ties of a partnership
 * the local authority takes part in (ABPP: the contribution of local-authority officers). Of those who leave, a share
 * (leaders.moveShare) seek another post in the system, carrying their strongest ties (personalNetwork); the rest
 * retire or leave the system, as do seekers at leaders.giveUpRate a year. Each vacancy is filled by the seeker on the
 * same career ladder (sameLadder), not its last leader, in its area if any is, of most experience; with none, by a leader
 * from outside, who brings contacts of their own in the area (ABPP: professional networks of leaders). Either shifts the
 * organisation's norms by values of their own (spread by the culture lever). A leader who
 * moves keeps their experience and integrity, and takes up their ties from the new organisation with the leader-level
 * trust they had, where the contact still has the same leader. Each move is a `leader-moved` event.
 */
export function turnOverLeadersInPlace(world: World, ctx: StepContext): void {
  const o = world.orgs;
  const t = world.ties;
  const L = world.leaders;
  const rng = ctx.rng;
  const P = ctx.params.leaders;
  const growth = -Math.expm1(-P.experienceGrowth * ctx.dt);
  const giveUp = chanceIn(P.giveUpRate, ctx.dt);
  world.seekers = world.seekers.filter(() => rng() >= giveUp);
  const chance = chanceOfShareIn(ctx.levers.turnover, ctx.dt);
  const vacancies: number[] = [];
  // Leaders in post gain experience, read from their organisations' copies in order (the pool's own are only written).
  for (let i = 0; i < o.n; i++) {
    const experience = o.leaderExperience[i] + growth * (1 - o.leaderExperience[i]);
    o.leaderExperience[i] = experience;
    L.experience[o.leaderId[i]] = experience;
  }
  for (let i = 0; i < o.n; i++) {
    const id = o.leaderId[i];
    if (rng() >= chance) continue;
    if (rng() < P.moveShare) world.seekers.push({ leader: id, from: i, contacts: personalNetwork(world, ctx, i) });
    L.org[id] = -1;
    const post = world.posts[L.post[id]];
    post.to = ctx.step;
    post.endExperience = L.experience[id];
    const a = o.area[i];
    const restart = P.restartTrust + P.restartTrustHistory * ctx.levers.history[a];
    const carried = ctx.params.brokerage.continuity * ctx.levers.support[a];
    for (let k = o.ties.start[i]; k < o.ties.start[i] + o.ties.length[i]; k++) {
      const slot = o.ties.columns.slot[k];
      const keep = +(t.sharedConvened[slot] > 0) * carried;
      t.leaderAB[slot] = restart + keep * Math.max(0, t.leaderAB[slot] - restart);
      t.leaderBA[slot] = restart + keep * Math.max(0, t.leaderBA[slot] - restart);
    }
    vacancies.push(i);
  }
  for (const i of vacancies) {
    const a = o.area[i];
    const restart = P.restartTrust + P.restartTrustHistory * ctx.levers.history[a];
    // A new leader, from outside or another post, brings values of their own (spread by the culture lever).
    o.norms[i] = Math.min(1, Math.max(0, o.norms[i] + (rng() - 0.5) * ctx.levers.culture[a] * P.normShift));
    let best = -1;
    for (let k = 0; k < world.seekers.length; k++) {
      const s = world.seekers[k];
      if (s.from === i || !sameLadder(o.kind[s.from], o.kind[i])) continue;
      if (best < 0) {
        best = k;
        continue;
      }
      const b = world.seekers[best];
      const local = +(o.area[s.from] === a) - +(o.area[b.from] === a);
      if (local > 0 || (local === 0 && L.experience[s.leader] > L.experience[b.leader])) best = k;
    }
    if (best < 0) {
      appointNewcomerInPlace(world, ctx, i);
      const contacts = Math.round(P.newContacts * experienceOf(world, i));
      const local = world.areaMembers[a];
      for (let k = 0; k < contacts; k++) {
        const j = local[Math.floor(rng() * local.length)];
        if (j === i) continue;
        const slot = addTieInPlace(world, i, j, restart, P.contactStrength);
        t.leaderAB[slot] = Math.max(t.leaderAB[slot], P.contactTrust);
        t.leaderBA[slot] = Math.max(t.leaderBA[slot], P.contactTrust);
      }
      continue;
    }
    const seeker = world.seekers[best];
    world.seekers.splice(best, 1);
    appointInPlace(world, ctx, i, seeker.leader);
    for (const c of seeker.contacts) {
      if (c.org === i || o.leaderId[c.org] !== c.leader) continue;
      const slot = addTieInPlace(world, i, c.org, restart, P.contactStrength);
      const lower = t.a[slot] === i;
      t.leaderAB[slot] = lower ? c.mine : c.theirs;
      t.leaderBA[slot] = lower ? c.theirs : c.mine;
    }
    ctx.emit({
      step: ctx.step,
      kind: 'leader-moved',
      partnership: -1,
      organisations: [seeker.from, i],
      cause: 'moved',
      leader: seeker.leader,
    });
  }
}

/** Leaders turn over, move between organisations and gain experience (ODD 7.1). */
export const leaders: Mechanism = { id: 'leaders', odd: '7.1', blocks: ['leaders'], run: turnOverLeadersInPlace };
