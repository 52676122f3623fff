// The starting world: organisations of each kind placed in their areas, their attributes drawn around
// their kind's profile, and the ties and partnerships that the areas' histories of collaboration left.
import { COUNTED_KINDS, ORG_KINDS, type Scenario } from '../scenario/schema.ts';
import type { StepContext } from './context.ts';
import { drawExperience, trustworthinessOf } from './leaders.ts';
import { formPartnershipInPlace, partnershipCapacity } from './partnerships.ts';
import { addTieInPlace, createOrgs, createTies, otherEnd, type World } from './world.ts';

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
 */
export function createWorld(scenario: Scenario, ctx: StepContext): World {
  const rng = ctx.rng;
  const P = ctx.params.init;
  const K = ctx.params.kinds;
  const areas = scenario.organisations.areas;
  const weights = areas.map((a) => a.weight);
  const perKind = COUNTED_KINDS.map((k) => apportion(scenario.organisations.kinds[k], weights));
  const n = perKind.reduce((s, counts) => s + counts.reduce((x, c) => x + c, 0), 0) + areas.length;
  const orgs = createOrgs(n);
  const world: World = {
    orgs,
    ties: createTies(Math.max(64, n * 8)),
    partnerships: [],
    active: [],
    areaCount: areas.length,
    areaMembers: areas.map(() => []),
    areaAuthority: new Int32Array(areas.length),
  };
  const columns = Math.ceil(Math.sqrt(areas.length));
  let i = 0;
  for (let a = 0; a < areas.length; a++) {
    // Cultures lie on an axis from 0 to 1: an area's mean is drawn around its midpoint.
    const areaCulture = 0.5 + (rng() - 0.5) * P.areaCultureSpread;
    const place = (kind: number) => {
      const name = ORG_KINDS[kind];
      orgs.kind[i] = kind;
      orgs.area[i] = a;
      orgs.market[i] = a * ORG_KINDS.length + kind;
      // Each area is a unit square on a grid; positions only rank nearness within an area (starting ties), so the
      // margin and span here are layout, not parameters.
      orgs.x[i] = (a % columns) + 0.05 + 0.9 * rng();
      orgs.y[i] = Math.floor(a / columns) + 0.05 + 0.9 * rng();
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
      orgs.leaderExperience[i] = drawExperience(ctx);
      orgs.leaderTenure[i] = Math.floor(rng() * P.tenureYears * ctx.stepsPerYear);
      orgs.trustworthiness[i] = trustworthinessOf(ctx.params, orgs.motValues[i], orgs.leaderExperience[i], rng());
      orgs.joinThreshold[i] = ctx.params.joining.thresholdMin + ctx.params.joining.thresholdSpread * rng();
      orgs.trustWeight[i] = ctx.params.trustWeights.start;
      world.areaMembers[a].push(i);
      i++;
    };
    world.areaAuthority[a] = i;
    place(ORG_KINDS.indexOf('localAuthority'));
    COUNTED_KINDS.forEach((kind, k) => {
      for (let c = 0; c < perKind[k][a]; c++) place(ORG_KINDS.indexOf(kind));
    });
  }
  for (let a = 0; a < areas.length; a++) seedHistoryInPlace(world, ctx, a);
  return world;
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
    const byTrust = [...o.ties[lead]].sort(
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
