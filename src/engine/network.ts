// The network of ties as an observer sees it: measures of its structure for the time series (density, clustering,
// components, degree centralisation, ties across areas, local authorities' brokerage), computed on typed arrays in
// one pass over the live ties, and the ties and organisations as plain records for the edge list and graph files.
import { inTrustElsewhere } from '../model/trusts.ts';
import { trustTypeOf } from '../model/trust.ts';
import type { Depth } from '../model/vocabulary.ts';
import { effectiveTrust, isCore, type World } from '../model/world.ts';
import type { ModelParams } from '../scenario/parameters/index.ts';
import { ORG_KINDS, type OrgKind, type Scenario } from '../scenario/schema.ts';
import { type NetworkMeasures, TRUST_TYPES, type TrustType } from './types.ts';

/** An undirected graph in compressed sparse rows: node v's neighbours are neighbours[offsets[v] .. offsets[v + 1]). */
export interface Adjacency {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
}

/** Returns the adjacency of n nodes joined by the edges (a[e], b[e]) for e < count whose alive[e] is 1 (every e when
 * alive is omitted). */
export function adjacencyOf(n: number, a: ArrayLike<number>, b: ArrayLike<number>, count: number, alive?: ArrayLike<number>): Adjacency {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    if (alive !== undefined && alive[e] === 0) continue;
    offsets[a[e] + 1]++;
    offsets[b[e] + 1]++;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const neighbours = new Int32Array(offsets[n]);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < count; e++) {
    if (alive !== undefined && alive[e] === 0) continue;
    neighbours[fill[a[e]]++] = b[e];
    neighbours[fill[b[e]]++] = a[e];
  }
  return { n, offsets, neighbours };
}

/**
 * Returns the measures of a graph whose nodes lie in areas, with some nodes brokers (local authorities), as networkx
 * defines them: density 2m / (n(n - 1)); clustering, the mean over all nodes of the local clustering coefficient (0 for
 * a node with fewer than two neighbours; Watts & Strogatz 1998); the number of connected components (isolated nodes
 * included) and the size of the largest; Freeman's (1979) degree centralisation, the sum over nodes of (highest degree
 * - degree) / ((n - 1)(n - 2)); the share of edges whose ends lie in different areas; and brokerage, the brokers' mean
 * ego betweenness (Everett & Borgatti 2005): the pairs of a broker's neighbours that only it, or it among few, links.
 * A measure with nothing to measure (no edge, fewer than three nodes, no broker) is 0.
 */
export function measureNetwork(graph: Adjacency, area: ArrayLike<number>, brokers: ArrayLike<number>): NetworkMeasures {
  return measuresWith(graph, area, brokers, trianglesOf(graph));
}

// The measures of a graph whose nodes' triangles are known.
function measuresWith(graph: Adjacency, area: ArrayLike<number>, brokers: ArrayLike<number>, triangles: Int32Array): NetworkMeasures {
  const { n, offsets, neighbours } = graph;
  const m = neighbours.length / 2;
  let crossing = 0;
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    const degree = offsets[v + 1] - offsets[v];
    if (degree > maxDegree) maxDegree = degree;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) crossing += +(area[v] !== area[neighbours[k]]);
  }
  let degreeGap = 0;
  for (let v = 0; v < n; v++) degreeGap += maxDegree - (offsets[v + 1] - offsets[v]);
  const { components, largest } = componentsOf(graph);
  return {
    density: n > 1 ? (2 * m) / (n * (n - 1)) : 0,
    clustering: n > 0 ? clusteringSum(graph, triangles) / n : 0,
    components,
    largestComponent: largest,
    centralisation: n > 2 ? degreeGap / ((n - 1) * (n - 2)) : 0,
    crossAreaShare: m > 0 ? crossing / 2 / m : 0,
    brokerage: brokers.length > 0 ? meanEgoBetweenness(graph, brokers) : 0,
  };
}

// Each node's triangles: the links among its neighbours, counted by marking the node's neighbours and walking each
// neighbour's list (each link seen from both its ends).
function trianglesOf({ n, offsets, neighbours }: Adjacency): Int32Array {
  const triangles = new Int32Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (offsets[v + 1] - offsets[v] < 2) continue;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) mark[neighbours[k]] = v;
    let links = 0;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const u = neighbours[k];
      for (let q = offsets[u]; q < offsets[u + 1]; q++) links += +(mark[neighbours[q]] === v);
    }
    triangles[v] = links / 2;
  }
  return triangles;
}

// The sum over nodes of the local clustering coefficient: the links among a node's neighbours (twice its triangles)
// over the pairs of them.
function clusteringSum({ n, offsets }: Adjacency, triangles: Int32Array): number {
  let sum = 0;
  for (let v = 0; v < n; v++) {
    const degree = offsets[v + 1] - offsets[v];
    if (degree >= 2) sum += (2 * triangles[v]) / (degree * (degree - 1));
  }
  return sum;
}

// Connected components by breadth-first search: their number and the largest's size.
function componentsOf({ n, offsets, neighbours }: Adjacency): { components: number; largest: number } {
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let components = 0;
  let largest = 0;
  for (let s = 0; s < n; s++) {
    if (component[s] >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    component[s] = components;
    while (head < tail) {
      const v = queue[head++];
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        const u = neighbours[k];
        if (component[u] < 0) {
          component[u] = components;
          queue[tail++] = u;
        }
      }
    }
    if (tail > largest) largest = tail;
    components++;
  }
  return { components, largest };
}

// The brokers' mean ego betweenness (Everett & Borgatti 2005): for each broker, the pairs of its neighbours not tied to
// each other, each counted as 1 / (1 + the broker's other neighbours tied to both), the share of the pair's two-step
// paths that run through the broker: its betweenness within its own neighbourhood.
function meanEgoBetweenness({ n, offsets, neighbours }: Adjacency, brokers: ArrayLike<number>): number {
  const local = new Int32Array(n).fill(-1);
  let sum = 0;
  for (let k = 0; k < brokers.length; k++) {
    const v = brokers[k];
    const d = offsets[v + 1] - offsets[v];
    for (let q = 0; q < d; q++) local[neighbours[offsets[v] + q]] = q;
    // For each pair of neighbours j < l: -1 when tied, else how many other neighbours are tied to both.
    const between = new Int32Array(d * d);
    const linked = new Int32Array(d);
    for (let q = 0; q < d; q++) {
      const w = neighbours[offsets[v] + q];
      let count = 0;
      for (let r = offsets[w]; r < offsets[w + 1]; r++) {
        const j = local[neighbours[r]];
        if (j < 0) continue;
        between[Math.min(q, j) * d + Math.max(q, j)] = -1;
        linked[count++] = j;
      }
      for (let x = 0; x < count; x++)
        for (let y = x + 1; y < count; y++) {
          const pair = Math.min(linked[x], linked[y]) * d + Math.max(linked[x], linked[y]);
          if (between[pair] >= 0) between[pair]++;
        }
    }
    for (let j = 0; j < d; j++)
      for (let l = j + 1; l < d; l++) {
        const paths = between[j * d + l];
        if (paths >= 0) sum += 1 / (1 + paths);
      }
    for (let q = 0; q < d; q++) local[neighbours[offsets[v] + q]] = -1;
  }
  return sum / brokers.length;
}

/** Returns the measures of a world's network of live ties: its areas, and its local authorities as the brokers. */
export function worldNetworkMeasures(world: World): NetworkMeasures {
  const t = world.ties;
  return measureNetwork(adjacencyOf(world.orgs.n, t.a, t.b, t.count, t.alive), world.orgs.area, world.areaAuthority);
}

/** Measures a world's network step after step, as worldNetworkMeasures does, to the same values: each node's triangles
 * (for clustering, which costs most at national scale) are those of the last measure, less those a tie gone since
 * closed and plus those a new tie closes, rather than counted afresh. */
export class NetworkMeasurer {
  private last: {
    readonly ties: { a: Int32Array; b: Int32Array; alive: Uint8Array };
    readonly graph: Adjacency;
    readonly triangles: Int32Array;
  } | null = null;

  /** Returns the measures of the world's network of live ties now. */
  measure(world: World): NetworkMeasures {
    const t = world.ties;
    const n = world.orgs.n;
    const graph = adjacencyOf(n, t.a, t.b, t.count, t.alive);
    const last = this.last;
    const triangles = last === null || last.graph.n !== n ? trianglesOf(graph) : this.updatedTriangles(last, graph, t);
    this.last = { ties: { a: t.a.slice(0, t.count), b: t.b.slice(0, t.count), alive: t.alive.slice(0, t.count) }, graph, triangles };
    return measuresWith(graph, world.orgs.area, world.areaAuthority, triangles);
  }

  // The last measure's triangles, less those of its graph that a tie gone since belonged to, plus those of the graph now
  // that a new tie belongs to: a triangle with several such ties counted at the first of them.
  private updatedTriangles(last: NonNullable<NetworkMeasurer['last']>, graph: Adjacency, t: World['ties']): Int32Array {
    const n = graph.n;
    const gone = new Map<number, number>();
    const come = new Map<number, number>();
    let order = 0;
    // A slot whose tie changed: its old tie is gone and its new one come (a pair that went from one slot and came back
    // in another is both, its triangles taken off and put back). Ends are kept lower first: the key is lower × n + higher.
    for (let e = 0; e < Math.max(last.ties.alive.length, t.count); e++) {
      const was = e < last.ties.alive.length && last.ties.alive[e] === 1;
      const is = e < t.count && t.alive[e] === 1;
      if (was && is && last.ties.a[e] === t.a[e] && last.ties.b[e] === t.b[e]) continue;
      if (was) gone.set(last.ties.a[e] * n + last.ties.b[e], order++);
      if (is) come.set(t.a[e] * n + t.b[e], order++);
    }
    const triangles = last.triangles.slice();
    closeTrianglesInPlace(triangles, last.graph, gone, -1);
    closeTrianglesInPlace(triangles, graph, come, 1);
    return triangles;
  }
}

// Adds `sign` to each corner of every triangle of the graph that holds one of these ties (keyed lower × n + higher, each
// with its order), counting a triangle once, at the first of its ties in that order.
function closeTrianglesInPlace(
  triangles: Int32Array,
  { n, offsets, neighbours }: Adjacency,
  ties: ReadonlyMap<number, number>,
  sign: number,
): void {
  const mark = new Int32Array(n).fill(-1);
  let stamp = 0;
  const key = (x: number, y: number) => (x < y ? x * n + y : y * n + x);
  for (const [tie, order] of ties) {
    stamp++;
    const u = Math.floor(tie / n);
    const v = tie - u * n;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) mark[neighbours[k]] = stamp;
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const w = neighbours[k];
      if (mark[w] !== stamp) continue;
      if ((ties.get(key(u, w)) ?? order) < order || (ties.get(key(v, w)) ?? order) < order) continue;
      triangles[u] += sign;
      triangles[v] += sign;
      triangles[w] += sign;
    }
  }
}

/** One organisation as observed: its place, attributes, trust, leader and partnerships. */
export interface OrganisationRecord {
  readonly id: number;
  readonly kind: OrgKind;
  readonly area: string;
  /** The multi-academy trust it belongs to, by its register UID and name (null for none), and whether it is in a trust
   * not based on its locality. */
  readonly trust: number | null;
  readonly trustName: string | null;
  readonly nonLocal: boolean;
  readonly x: number;
  readonly y: number;
  readonly power: number;
  readonly capacity: number;
  readonly culture: number;
  readonly norms: number;
  readonly motValues: number;
  readonly motResources: number;
  readonly motCompliance: number;
  readonly exposure: number;
  /** Its leader (an id of leaders.csv), their experience and their years in post. */
  readonly leader: number;
  readonly leaderExperience: number;
  readonly leaderTenureYears: number;
  /** Live ties, the ids of the partnerships it belongs to, and how deeply it takes part in each (in the same order):
   * `core`, as every member of a small group does, or `wider`, in an area-wide partnership's wider membership. */
  readonly ties: number;
  readonly partnerships: readonly number[];
  readonly partnershipDepths: readonly Depth[];
}

/** Returns every organisation of a world at this step as a record. */
export function organisationRecords(world: World, scenario: Scenario, step: number): OrganisationRecord[] {
  const o = world.orgs;
  const spy = scenario.time.stepsPerYear;
  return Array.from({ length: o.n }, (_, i): OrganisationRecord => {
    const trust = o.trust[i] >= 0 ? world.trusts[o.trust[i]] : null;
    const partnerships = [...o.partnerships[i]].sort((a, b) => a - b);
    return {
      id: i,
      kind: ORG_KINDS[o.kind[i]],
      area: scenario.organisations.areas[o.area[i]].name,
      trust: trust === null ? null : (trust.uid ?? trust.id),
      trustName: trust?.name ?? null,
      nonLocal: inTrustElsewhere(world, i),
      x: o.x[i],
      y: o.y[i],
      power: o.power[i],
      capacity: o.capacity[i],
      culture: o.culture[i],
      norms: o.norms[i],
      motValues: o.motValues[i],
      motResources: o.motResources[i],
      motCompliance: o.motCompliance[i],
      exposure: o.exposure[i],
      leader: o.leaderId[i],
      leaderExperience: world.leaders.experience[o.leaderId[i]],
      leaderTenureYears: (step - world.leaders.since[o.leaderId[i]]) / spy,
      ties: o.ties[i].length,
      partnerships,
      partnershipDepths: partnerships.map((id) => (isCore(world.partnerships[id], i) ? 'core' : 'wider')),
    };
  });
}

/** One live tie as observed: its ends (source the lower id), trust both ways at both levels and effective, the type of
 * each side's trust, strength, age, and the partnerships both ends share. */
export interface TieRecord {
  readonly source: number;
  readonly target: number;
  /** Organisation-level trust of source in target, and of target in source; leader-level the same; effective both ways. */
  readonly trustST: number;
  readonly trustTS: number;
  readonly leaderST: number;
  readonly leaderTS: number;
  readonly effectiveST: number;
  readonly effectiveTS: number;
  readonly typeST: TrustType;
  readonly typeTS: TrustType;
  readonly strength: number;
  readonly ageYears: number;
  readonly shared: number;
}

/** Returns the live ties of a world, ordered by their ends. */
export function tieRecords(world: World, params: ModelParams): TieRecord[] {
  const t = world.ties;
  const norms = world.orgs.norms;
  const lw = params.trustTypes.leaderWeight;
  const records: TieRecord[] = [];
  for (const e of liveTiesInOrder(world)) {
    const gap = Math.abs(norms[t.a[e]] - norms[t.b[e]]);
    records.push({
      source: t.a[e],
      target: t.b[e],
      trustST: t.trustAB[e],
      trustTS: t.trustBA[e],
      leaderST: t.leaderAB[e],
      leaderTS: t.leaderBA[e],
      effectiveST: effectiveTrust(t.trustAB[e], t.leaderAB[e], lw),
      effectiveTS: effectiveTrust(t.trustBA[e], t.leaderBA[e], lw),
      typeST: TRUST_TYPES[trustTypeOf(t.interactions[e], t.trustAB[e], gap, params.trustTypes)],
      typeTS: TRUST_TYPES[trustTypeOf(t.interactions[e], t.trustBA[e], gap, params.trustTypes)],
      strength: t.strength[e],
      ageYears: t.age[e],
      shared: t.shared[e],
    });
  }
  return records;
}

// Returns the slots of the live ties ordered by their ends (a, then b), as a stable sort would order them: grouped by a
// by counting (the ends are organisations' indices), each group, one organisation's ties, put in order of b by
// insertion. Sorting the records with a comparison took twice as long as making them.
function liveTiesInOrder(world: World): Int32Array {
  const { a, b, alive, count } = world.ties;
  const n = world.orgs.n;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) if (alive[e] !== 0) start[a[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const order = new Int32Array(start[n]);
  const next = start.slice(0, n);
  for (let e = 0; e < count; e++) if (alive[e] !== 0) order[next[a[e]]++] = e;
  for (let v = 0; v < n; v++)
    for (let i = start[v] + 1; i < start[v + 1]; i++) {
      const e = order[i];
      let j = i - 1;
      for (; j >= start[v] && b[order[j]] > b[e]; j--) order[j + 1] = order[j];
      order[j + 1] = e;
    }
  return order;
}

/** The network at one step: every organisation and every live tie. */
export interface NetworkSnapshot {
  readonly step: number;
  readonly organisations: readonly OrganisationRecord[];
  readonly ties: readonly TieRecord[];
}

/** Returns the steps at which a run of `steps` steps records its network every `every` steps: 0, every, 2 every, ...,
 * and the last step. */
export function networkSteps(steps: number, every: number): number[] {
  const chosen: number[] = [];
  for (let s = 0; s < steps; s += every) chosen.push(s);
  chosen.push(steps);
  return chosen;
}
