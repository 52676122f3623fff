// The network of ties as an observer sees it: measures of its structure for the time series (density, clustering,
// components, degree centralisation, ties across areas, local authorities' brokerage), computed on typed arrays in
// one pass over the live ties, and the ties and organisations as plain records for the edge list and graph files.
import { inTrustElsewhere } from '../model/trusts.ts';
import { trustTypeOf } from '../model/trust.ts';
import type { Depth } from '../model/vocabulary.ts';
import { effectiveTrust, experienceOf, isCore, listOf, type World } from '../model/world.ts';
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
  return measuresWith(graph, brokers, trianglesOf(graph), crossingsOf(graph, area));
}

// The measures of a graph whose nodes' triangles, and whose edges across areas, are known.
function measuresWith(graph: Adjacency, brokers: ArrayLike<number>, triangles: Int32Array, crossing: number): NetworkMeasures {
  const { n, offsets, neighbours } = graph;
  const m = neighbours.length / 2;
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, offsets[v + 1] - offsets[v]);
  const { components, largest } = componentsOf(graph);
  return {
    density: n > 1 ? (2 * m) / (n * (n - 1)) : 0,
    clustering: n > 0 ? clusteringSum(graph, triangles) / n : 0,
    components,
    largestComponent: largest,
    // The sum over nodes of (highest degree - degree).
    centralisation: n > 2 ? (n * maxDegree - 2 * m) / ((n - 1) * (n - 2)) : 0,
    crossAreaShare: m > 0 ? crossing / m : 0,
    brokerage: brokers.length > 0 ? meanEgoBetweenness(graph, brokers) : 0,
  };
}

// Returns the number of edges whose ends lie in different areas (counted from both ends, halved).
function crossingsOf({ n, offsets, neighbours }: Adjacency, area: ArrayLike<number>): number {
  let twice = 0;
  for (let v = 0; v < n; v++) for (let k = offsets[v]; k < offsets[v + 1]; k++) twice += +(area[v] !== area[neighbours[k]]);
  return twice / 2;
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
  let most = 0;
  for (let k = 0; k < brokers.length; k++) most = Math.max(most, offsets[brokers[k] + 1] - offsets[brokers[k]]);
  const local = new Int32Array(n).fill(-1);
  // For each pair of a broker's neighbours j < l: -1 when tied, else how many other neighbours are tied to both.
  const between = new Int32Array(most * most);
  const linked = new Int32Array(most);
  let sum = 0;
  for (let k = 0; k < brokers.length; k++) {
    const v = brokers[k];
    const first = offsets[v];
    const d = offsets[v + 1] - first;
    for (let q = 0; q < d; q++) local[neighbours[first + q]] = q;
    between.fill(0, 0, d * d);
    for (let q = 0; q < d; q++) {
      const w = neighbours[first + q];
      let count = 0;
      for (let r = offsets[w]; r < offsets[w + 1]; r++) {
        const j = local[neighbours[r]];
        if (j < 0) continue;
        between[j < q ? j * d + q : q * d + j] = -1;
        linked[count++] = j;
      }
      for (let x = 0; x < count; x++) {
        const jx = linked[x];
        for (let y = x + 1; y < count; y++) {
          const jy = linked[y];
          const pair = jx < jy ? jx * d + jy : jy * d + jx;
          if (between[pair] >= 0) between[pair]++;
        }
      }
    }
    for (let j = 0; j < d; j++)
      for (let pair = j * d + j + 1; pair < (j + 1) * d; pair++) {
        const paths = between[pair];
        if (paths >= 0) sum += 1 / (1 + paths);
      }
    for (let q = 0; q < d; q++) local[neighbours[first + q]] = -1;
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
 * closed and plus those a new tie closes, rather than counted afresh, and so are the ties across areas (an
 * organisation's area is fixed). The arrays it works in are kept from one measure to the next. */
export class NetworkMeasurer {
  // The tie at each slot of the pool at the last measure, as lower end × n + higher (-1 for none): a slot whose tie
  // differs now had its tie go, or a new one come, or both. Kept up to date in place.
  private pairs = new Float64Array(0);
  // The last measure's graph, its nodes' triangles and its ties across areas.
  private last: { readonly graph: Adjacency; readonly triangles: Int32Array; readonly crossing: number } | null = null;
  // The ties gone and come since the last measure, as pairs (lower × n + higher), in the order of their slots.
  private gone: Float64Array = new Float64Array(64);
  private come: Float64Array = new Float64Array(64);
  // For closing triangles: the rank of each place in a graph's lists of neighbours (UNLISTED between uses), and a mark
  // and a rank for each node.
  private rank = new Int32Array(0);
  private mark = new Int32Array(0);
  private rankToLower = new Int32Array(0);

  /** Returns the measures of the world's network of live ties now. */
  measure(world: World): NetworkMeasures {
    const n = world.orgs.n;
    const area = world.orgs.area;
    const last = this.last;
    const fresh = last === null || last.graph.n !== n;
    const { gone, come } = this.changedTies(world.ties, n, fresh);
    const graph = adjacencyOf(n, world.ties.a, world.ties.b, world.ties.count, world.ties.alive);
    let triangles: Int32Array;
    let crossing: number;
    if (fresh) {
      triangles = trianglesOf(graph);
      crossing = crossingsOf(graph, area);
    } else {
      triangles = last.triangles;
      this.closeTrianglesInPlace(triangles, last.graph, this.gone, gone, -1);
      this.closeTrianglesInPlace(triangles, graph, this.come, come, 1);
      const across = (pair: number) => {
        const u = Math.floor(pair / n);
        return +(area[u] !== area[pair - u * n]);
      };
      crossing = last.crossing;
      for (let r = 0; r < gone; r++) crossing -= across(this.gone[r]);
      for (let r = 0; r < come; r++) crossing += across(this.come[r]);
    }
    this.last = { graph, triangles, crossing };
    return measuresWith(graph, world.areaAuthority, triangles, crossing);
  }

  // Compares each slot's tie with the last measure's, keeping the new, and lists the ties gone and come in this.gone and
  // this.come (a pair that went from one slot and came back in another is in both, its triangles taken off and put
  // back); returns how many of each. Afresh, only the slots are kept.
  private changedTies(t: World['ties'], n: number, fresh: boolean): { gone: number; come: number } {
    const slots = Math.max(this.pairs.length, t.count);
    if (this.pairs.length < slots) {
      const grown = new Float64Array(Math.max(slots, 2 * this.pairs.length)).fill(-1);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    const pairs = this.pairs;
    let gone = 0;
    let come = 0;
    for (let e = 0; e < slots; e++) {
      const now = e < t.count && t.alive[e] === 1 ? t.a[e] * n + t.b[e] : -1;
      const was = pairs[e];
      if (now === was) continue;
      pairs[e] = now;
      if (fresh) continue;
      if (was >= 0) {
        if (gone === this.gone.length) this.gone = grownCopy(this.gone);
        this.gone[gone++] = was;
      }
      if (now >= 0) {
        if (come === this.come.length) this.come = grownCopy(this.come);
        this.come[come++] = now;
      }
    }
    return { gone, come };
  }

  // Adds `sign` to each corner of every triangle of the graph that holds one of the first `count` of these ties (keyed
  // lower × n + higher), counting a triangle once, at the first of its ties in the list: each listed tie's rank is
  // marked at both its places in the graph's lists of neighbours, where a tie not listed ranks after all.
  private closeTrianglesInPlace(triangles: Int32Array, graph: Adjacency, ties: Float64Array, count: number, sign: number): void {
    const { n, offsets, neighbours } = graph;
    if (this.rank.length < neighbours.length) this.rank = new Int32Array(Math.ceil(1.25 * neighbours.length)).fill(UNLISTED);
    if (this.mark.length < n) {
      this.mark = new Int32Array(n);
      this.rankToLower = new Int32Array(n);
    }
    const { rank, mark, rankToLower } = this;
    const place = (u: number, v: number) => {
      let k = offsets[u];
      while (neighbours[k] !== v) k++;
      return k;
    };
    for (let r = 0; r < count; r++) {
      const u = Math.floor(ties[r] / n);
      const v = ties[r] - u * n;
      rank[place(u, v)] = r;
      rank[place(v, u)] = r;
    }
    // The neighbours of a tie's lower end are marked with the tie's rank, and with the rank of the lower end's tie to them.
    mark.fill(-1, 0, n);
    for (let r = 0; r < count; r++) {
      const u = Math.floor(ties[r] / n);
      const v = ties[r] - u * n;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        mark[neighbours[k]] = r;
        rankToLower[neighbours[k]] = rank[k];
      }
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        const w = neighbours[k];
        if (mark[w] !== r || rankToLower[w] < r || rank[k] < r) continue;
        triangles[u] += sign;
        triangles[v] += sign;
        triangles[w] += sign;
      }
    }
    rank.fill(UNLISTED, 0, neighbours.length);
  }
}

// The rank of a tie not listed among those whose triangles are closed: after every listed tie's.
const UNLISTED = 0x7fffffff;

// Returns a copy of the array twice as long.
function grownCopy(values: Float64Array): Float64Array {
  const grown = new Float64Array(2 * values.length);
  grown.set(values);
  return grown;
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
    const partnerships = listOf(o.partnerships, 'id', i).sort((a, b) => a - b);
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
      leaderExperience: experienceOf(world, i),
      leaderTenureYears: (step - world.leaders.since[o.leaderId[i]]) / spy,
      ties: o.ties.length[i],
      partnerships,
      partnershipDepths: partnerships.map((id) => (isCore(world, world.partnerships[id], i) ? 'core' : 'wider')),
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
