// The starting world: organisations of each kind placed in their areas, their attributes drawn around
// their kind's profile, and the ties and partnerships that the areas' histories of collaboration left.
import { establishmentsByArea, yearsBetween } from '../scenario/register.ts';
import { COUNTED_KINDS, ORG_KINDS, type Area, type Register, type Scenario } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import { appointNewcomerInPlace } from './leaders.ts';
import { formPartnershipInPlace, leadFor, partnershipCapacity } from './partnerships.ts';
import { foundTrustInPlace, updateTrustInPlace } from './trusts.ts';
import { addTieInPlace, createLeaders, createOrgs, createRoles, createTies, listOf, otherEnd, type World } from './world.ts';

/** Returns how many of `total` go to each area, in proportion to the weights (largest remainder, ties to the earlier area). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  // Remainders compared as total * w - count * sum, exact for integer weights, so ties go to the earlier area.
  const order = weights.map((w, a) => [total * w - counts[a] * sum, a]).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const short = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < short; k++) counts[order[k][1]]++;
  return counts;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Builds the starting world for a scenario, drawing from the context's generator: organisations with
 * their kind's power, capacity, motivation mix and exposure to competition, a culture spread by the
 * culture lever around their area's, a leader; one local authority per area; then each area's history
 * (context.history at step 0) gives its starting ties, their trust and depth, and its earlier partnerships.
 * Organisations come from counts of each kind (placed at random in their area) or, when the scenario has a
 * register, from its establishments (placeRegisterInPlace).
 */
export function createWorld(scenario: Scenario, ctx: StepContext): World {
  const areas = scenario.organisations.areas;
  const register = scenario.organisations.register;
  const weights = areas.map((a) => a.weight);
  const perKind = COUNTED_KINDS.map((k) => (register === undefined ? apportion(scenario.organisations.kinds[k], weights) : []));
  const n =
    register === undefined
      ? perKind.reduce((s, counts) => s + counts.reduce((x, c) => x + c, 0), 0) + areas.length
      : register.establishments.length + areas.length;
  const world: World = {
    orgs: createOrgs(n),
    ties: createTies(Math.max(64, n * 8)),
    leaders: createLeaders(Math.max(16, n * 2)),
    roles: createRoles(Math.max(64, n)),
    posts: [],
    seekers: [],
    partnerships: [],
    active: [],
    areaCount: areas.length,
    areaMembers: areas.map(() => []),
    areaAuthority: new Int32Array(areas.length),
    trusts: [],
    trustJoins: [],
  };
  if (register !== undefined) {
    placeRegisterInPlace(world, ctx, register, areas);
    return world;
  }
  const rng = ctx.rng;
  const orgs = world.orgs;
  const P = ctx.params.init;
  const columns = Math.ceil(Math.sqrt(areas.length));
  let i = 0;
  for (let a = 0; a < areas.length; a++) {
    // Cultures lie on an axis from 0 to 1: an area's mean is drawn around its midpoint.
    const areaCulture = 0.5 + (rng() - 0.5) * P.areaCultureSpread;
    const place = (kind: number) => {
      // Each area is a unit square on a grid; positions only rank nearness within an area (starting ties), so the
      // margin and span here are layout, not parameters.
      orgs.x[i] = (a % columns) + 0.05 + 0.9 * rng();
      orgs.y[i] = Math.floor(a / columns) + 0.05 + 0.9 * rng();
      drawOrganisationInPlace(world, ctx, i, kind, a, areaCulture);
      i++;
    };
    world.areaAuthority[a] = i;
    place(ORG_KINDS.indexOf('localAuthority'));
    COUNTED_KINDS.forEach((kind, k) => {
      for (let c = 0; c < perKind[k][a]; c++) place(ORG_KINDS.indexOf(kind));
    });
  }
  for (let a = 0; a < areas.length; a++) seedHistoryInPlace(world, ctx, a);
  // Each organisation of kind trust is the central office of a trust, which starts with no schools.
  for (let j = 0; j < n; j++) if (orgs.kind[j] === ORG_KINDS.indexOf('trust')) foundTrustInPlace(world, ctx, { office: j });
  return world;
}

/** Places organisation i, of a kind, in area a, in place: its attributes drawn around its kind's profile, its culture
 * around the area's, a leader; its position is the caller's. */
function drawOrganisationInPlace(world: World, ctx: StepContext, i: number, kind: number, a: number, areaCulture: number): void {
  const orgs = world.orgs;
  const rng = ctx.rng;
  const P = ctx.params.init;
  const K = ctx.params.kinds;
  const name = ORG_KINDS[kind];
  orgs.kind[i] = kind;
  orgs.area[i] = a;
  orgs.market[i] = a * ORG_KINDS.length + kind;
  orgs.power[i] = clamp01(K[`${name}.power`] + (rng() - 0.5) * P.powerSpread);
  orgs.capacity[i] = clamp01(K[`${name}.capacity`] + (rng() - 0.5) * P.capacitySpread);
  orgs.culture[i] = clamp01(areaCulture + (rng() - 0.5) * ctx.levers.culture[a]);
  orgs.norms[i] = orgs.culture[i];
  // Each motive weight times a draw from [1 - spread/2, 1 + spread/2), then normalised.
  const low = 1 - P.motiveSpread / 2;
  const v = K[`${name}.values`] * (low + P.motiveSpread * rng());
  const r = K[`${name}.resources`] * (low + P.motiveSpread * rng());
  const c = K[`${name}.compliance`] * (low + P.motiveSpread * rng());
  orgs.motValues[i] = v / (v + r + c);
  orgs.motResources[i] = r / (v + r + c);
  orgs.motCompliance[i] = c / (v + r + c);
  orgs.exposure[i] = K[`${name}.exposure`];
  // Its leader, in post for a tenure drawn up to tenureYears: their post began that many steps before now.
  const leader = appointNewcomerInPlace(world, ctx, i);
  const since = ctx.step - Math.floor(rng() * P.tenureYears * ctx.stepsPerYear);
  world.leaders.since[leader] = since;
  const post = world.leaders.post[leader];
  world.posts[post] = { ...world.posts[post], from: since };
  orgs.joinThreshold[i] = ctx.params.joining.thresholdMin + ctx.params.joining.thresholdSpread * rng();
  orgs.trustWeight[i] = ctx.params.trustWeights.start;
  world.areaMembers[a].push(i);
}

/**
 * Places the register's establishments, in place, area by area (the local authority first, at the centre of its
 * area's establishments): positions are their National Grid easting and northing in metres, so nearness is real;
 * power is pupils / (pupils + the area's mean pupils) where the register gives pupils, drawn as for counts where it
 * does not; every other attribute is drawn as for counts. The register's multi-academy trusts are made with their
 * schools and joining steps (years before the extract's date, in steps: seedRegisterTrustsInPlace). Then each area's history is seeded as for counts,
 * and each federation of two or more establishments in an area becomes a partnership (Department for Education,
 * Get Information About Schools).
 */
function placeRegisterInPlace(world: World, ctx: StepContext, register: Register, areas: readonly Area[]): void {
  const orgs = world.orgs;
  const rng = ctx.rng;
  const trusts = new Map<number, { uid: number; name: string; members: { i: number; joined: number }[] }>();
  let i = 0;
  establishmentsByArea(
    register,
    areas.map((area) => area.name),
  ).forEach((listed, a) => {
    const areaCulture = 0.5 + (rng() - 0.5) * ctx.params.init.areaCultureSpread;
    const counted = listed.filter((e) => e.pupils !== null);
    const meanPupils = counted.reduce((sum, e) => sum + (e.pupils as number), 0) / Math.max(1, counted.length);
    world.areaAuthority[a] = i;
    orgs.x[i] = listed.reduce((sum, e) => sum + e.easting, 0) / Math.max(1, listed.length);
    orgs.y[i] = listed.reduce((sum, e) => sum + e.northing, 0) / Math.max(1, listed.length);
    drawOrganisationInPlace(world, ctx, i, ORG_KINDS.indexOf('localAuthority'), a, areaCulture);
    i++;
    for (const e of listed) {
      orgs.x[i] = e.easting;
      orgs.y[i] = e.northing;
      drawOrganisationInPlace(world, ctx, i, ORG_KINDS.indexOf(e.kind), a, areaCulture);
      if (e.pupils !== null) orgs.power[i] = e.pupils / (e.pupils + meanPupils);
      if (e.trust !== null) {
        const trust = trusts.get(e.trust.uid) ?? { uid: e.trust.uid, name: e.trust.name, members: [] };
        trusts.set(e.trust.uid, trust);
        const joined = e.trust.joined === null ? Number.NaN : -Math.round(yearsBetween(e.trust.joined, register.date) * ctx.stepsPerYear);
        trust.members.push({ i, joined });
      }
      i++;
    }
  });
  seedRegisterTrustsInPlace(world, [...trusts.values()]);
  establishmentsByArea(
    register,
    areas.map((area) => area.name),
  ).forEach((listed, a) => {
    seedHistoryInPlace(world, ctx, a);
    const federations = new Map<string, number[]>();
    listed.forEach((e, k) => {
      if (e.federation !== null)
        federations.set(e.federation.uid, [...(federations.get(e.federation.uid) ?? []), world.areaMembers[a][k + 1]]);
    });
    for (const members of federations.values()) {
      if (members.length < 2) continue;
      formPartnershipInPlace(world, ctx, {
        area: a,
        lead: leadFor(world, members, ctx.params.power.influence),
        members,
        mandate: 'voluntary',
        funded: false,
        principles: rng() < ctx.levers.principles,
        laInvolved: rng() < ctx.levers.support[a],
        cause: 'federation',
      });
    }
  });
}

/** Makes the register's trusts, in place, in the order first met: each founded at its earliest joining date (0 when the
 * register gives none) by its earliest joiner (on a tie, or with no dates, the most powerful), its other schools joining
 * in the order of their dates; each keeps its register date. Joining leaves ties and motives as the register's history
 * made them: its effects on a school's ties and motives are the burn-in's to settle. */
function seedRegisterTrustsInPlace(
  world: World,
  trusts: readonly { uid: number; name: string; members: { i: number; joined: number }[] }[],
): void {
  const o = world.orgs;
  const dated = (x: { joined: number }) => (Number.isNaN(x.joined) ? Number.POSITIVE_INFINITY : x.joined);
  for (const trust of trusts) {
    const order = [...trust.members].sort((x, y) => dated(x) - dated(y) || o.power[y.i] - o.power[x.i] || x.i - y.i);
    const founded = Number.isFinite(dated(order[0])) ? order[0].joined : 0;
    const t = world.trusts.length;
    world.trusts.push({
      id: t,
      uid: trust.uid,
      name: trust.name,
      founded,
      ended: null,
      endReason: null,
      office: -1,
      lead: order[0].i,
      members: order.map((m) => m.i),
      home: o.area[order[0].i],
    });
    for (const m of order) {
      o.trust[m.i] = t;
      o.trustJoined[m.i] = m.joined;
      world.trustJoins.push({ step: m.joined, org: m.i, trust: t });
    }
    updateTrustInPlace(world, t);
  }
}

/** Gives an area the ties and partnerships its history left: more, more trusting and better known with a deeper history (ABPP: history shapes partnerships). */
function seedHistoryInPlace(world: World, ctx: StepContext, a: number): void {
  const o = world.orgs;
  const rng = ctx.rng;
  const P = ctx.params.init;
  const history = ctx.levers.history[a];
  const local = world.areaMembers[a];
  if (local.length < 2) return;
  const degree = Math.round(P.historyTiesBase + P.historyTiesDepth * history);
  for (const i of local) {
    for (let k = 0; k < degree; k++) {
      let j = local[Math.floor(rng() * local.length)];
      for (let look = 0; look < P.nearnessCandidates; look++) {
        const c = local[Math.floor(rng() * local.length)];
        if (Math.hypot(o.x[c] - o.x[i], o.y[c] - o.y[i]) < Math.hypot(o.x[j] - o.x[i], o.y[j] - o.y[i])) j = c;
      }
      if (j === i) continue;
      const trust = P.historyTrust + P.historyTrustDepth * history * (1 - P.historyTrustSpread + P.historyTrustSpread * rng());
      const slot = addTieInPlace(world, i, j, trust, P.historyStrength + P.historyStrengthDepth * history);
      world.ties.interactions[slot] = Math.round(P.historyInteractions * ctx.params.trustTypes.knowledgeInteractions * history);
    }
  }
  const earlier = Math.round((history * local.length) / P.historyOrgsPerPartnership);
  for (let k = 0; k < earlier; k++) {
    const lead = local[1 + Math.floor(rng() * (local.length - 1))];
    if (o.memberships[lead] >= partnershipCapacity(world, ctx, lead)) continue;
    const members = [lead];
    const byTrust = listOf(o.ties, 'slot', lead).sort(
      (x, y) => world.ties.trustAB[y] + world.ties.trustBA[y] - world.ties.trustAB[x] - world.ties.trustBA[x] || x - y,
    );
    for (const slot of byTrust.slice(0, P.historyInviteesMin + Math.floor(rng() * P.historyInviteesSpread))) {
      const j = otherEnd(world.ties, slot, lead);
      if (o.memberships[j] < partnershipCapacity(world, ctx, j)) members.push(j);
    }
    if (members.length < 2) continue;
    formPartnershipInPlace(world, ctx, {
      area: a,
      lead,
      members,
      mandate: 'voluntary',
      funded: false,
      principles: rng() < ctx.levers.principles,
      laInvolved: rng() < ctx.levers.support[a],
      cause: 'history',
    });
  }
}
