// The network measures against values worked by networkx 3.6 on small graphs (density, average_clustering,
// number_connected_components, the largest component, and betweenness_centrality(ego_graph(G, v), normalized=False)
// for a broker's ego betweenness; Freeman's centralisation and the share across areas by hand from the degrees and
// edges), and against graphology-metrics on a run's own network.
import { UndirectedGraph } from 'graphology';
import { betweenness } from 'graphology-metrics/centrality/index.js';
import { density } from 'graphology-metrics/graph/index.js';
import { describe, expect, it } from 'vitest';
import { adjacencyOf, measureNetwork, NetworkMeasurer, networkSteps, worldNetworkMeasures } from '../../src/engine/network.ts';
import { addTieInPlace, findTie, removeTieInPlace } from '../../src/model/world.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { smallWorld } from '../model/small-world.ts';

/** Returns the measures of a graph given as an edge list. */
function measure(n: number, edges: readonly (readonly [number, number])[], area: readonly number[], brokers: readonly number[]) {
  const graph = adjacencyOf(
    n,
    edges.map(([a]) => a),
    edges.map(([, b]) => b),
    edges.length,
  );
  return measureNetwork(graph, area, brokers);
}

const close = (actual: Record<string, number>, expected: Record<string, number>) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expect(actual[key], key).toBeCloseTo(value, 12);
};

describe('measureNetwork', () => {
  it("gives networkx's values on Krackhardt's kite, split into two areas with brokers 3 and 7", () => {
    const kite = [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 5],
      [1, 3],
      [1, 4],
      [1, 6],
      [2, 3],
      [2, 5],
      [3, 4],
      [3, 5],
      [3, 6],
      [4, 6],
      [5, 6],
      [5, 7],
      [6, 7],
      [7, 8],
      [8, 9],
    ] as const;
    close(measure(10, kite, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1], [3, 7]), {
      density: 0.4,
      clustering: 0.52,
      components: 1,
      largestComponent: 10,
      centralisation: 1 / 3,
      crossAreaShare: 1 / 3,
      brokerage: 2.833333333333333,
    });
  });

  it('counts isolated nodes as components and a broker inside a triangle as brokering nothing', () => {
    const edges = [
      [0, 1],
      [1, 2],
      [2, 3],
      [5, 6],
      [6, 7],
      [5, 7],
    ] as const;
    close(measure(8, edges, [0, 0, 0, 1, 1, 1, 1, 1], [1, 6]), {
      density: 0.21428571428571427,
      clustering: 0.375,
      components: 3,
      largestComponent: 4,
      centralisation: 0.09523809523809523,
      crossAreaShare: 1 / 6,
      brokerage: 0.5,
    });
  });

  it('gives a star full centralisation, no clustering, and its centre every pair of its leaves', () => {
    const star = [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
    ] as const;
    close(measure(5, star, [0, 0, 0, 1, 1], [0]), {
      density: 0.4,
      clustering: 0,
      components: 1,
      largestComponent: 5,
      centralisation: 1,
      crossAreaShare: 0.5,
      brokerage: 6,
    });
  });

  it('gives 0 for what a graph without edges or brokers cannot measure', () => {
    close(measure(3, [], [0, 0, 0], []), {
      density: 0,
      clustering: 0,
      components: 3,
      largestComponent: 1,
      centralisation: 0,
      crossAreaShare: 0,
      brokerage: 0,
    });
  });

  it('counts only live ties of a pool', () => {
    const graph = adjacencyOf(3, [0, 1, 0], [1, 2, 2], 3, [1, 0, 1]);
    expect(measureNetwork(graph, [0, 0, 0], [0]).density).toBeCloseTo(2 / 3, 12);
    expect(measureNetwork(graph, [0, 0, 0], [0]).brokerage).toBe(1);
  });
});

describe("a run's network", () => {
  const scenario = normalizeScenario({ name: 'tiny', organisations: { areas: 2 }, time: { steps: 6, seed: 11 } });
  const simulation = new Simulation(scenario, 11);
  for (let s = 0; s < 6; s++) simulation.advance();
  const w = simulation.world;
  const graph = new UndirectedGraph();
  for (let i = 0; i < w.orgs.n; i++) graph.addNode(i);
  for (let e = 0; e < w.ties.count; e++) if (w.ties.alive[e] === 1) graph.addEdge(w.ties.a[e], w.ties.b[e]);
  const measures = worldNetworkMeasures(w);

  it('has the density graphology-metrics gives, and is the last time-series row', () => {
    expect(measures.density).toBeCloseTo(density(graph), 12);
    expect(simulation.timeseries.at(-1)?.network).toEqual(measures);
  });

  it("gives each local authority the betweenness graphology-metrics finds in the authority's own neighbourhood", () => {
    const ego = (la: number) => {
      const members = new Set([String(la), ...graph.neighbors(String(la))]);
      const sub = new UndirectedGraph();
      for (const node of members) sub.addNode(node);
      graph.forEachEdge((_, __, a, b) => {
        if (members.has(a) && members.has(b)) sub.addEdge(a, b);
      });
      return betweenness(sub, { normalized: false })[String(la)];
    };
    const authorities = [...w.areaAuthority];
    const expected = authorities.reduce((sum, la) => sum + ego(la), 0) / authorities.length;
    expect(expected).toBeGreaterThan(0);
    expect(measures.brokerage).toBeCloseTo(expected, 9);
  });
});

describe('NetworkMeasurer', () => {
  it('gives what measuring afresh gives at every step of a run, to the last bit', () => {
    const scenario = normalizeScenario({ name: 'tiny', organisations: { areas: 3 }, time: { steps: 48, seed: 7 } });
    const simulation = new Simulation(scenario, 7);
    for (let s = 0; s < 48; s++) {
      simulation.advance();
      expect(simulation.timeseries.at(-1)?.network, `step ${s + 1}`).toEqual(worldNetworkMeasures(simulation.world));
    }
  });

  it('follows ties that go, come back in another slot, and close or open several triangles at once', () => {
    // Six organisations in two areas; a square 0-1-2-3 with both diagonals (four triangles), and 4-5.
    const world = smallWorld(6, { area: [0, 0, 1, 1, 0, 1], authorities: [0, 2] });
    const tie = (i: number, j: number) => addTieInPlace(world, i, j, 0.5, 0.1);
    const drop = (i: number, j: number) => removeTieInPlace(world, findTie(world, i, j));
    for (const [i, j] of [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
      [0, 2],
      [1, 3],
      [4, 5],
    ])
      tie(i, j);
    const measurer = new NetworkMeasurer();
    const steps: (() => void)[] = [
      () => {}, // nothing changed
      () => drop(0, 2), // two triangles open
      () => {
        drop(1, 3); // the other two open with it, and 0-1 goes and comes back in another slot
        drop(0, 1);
        tie(4, 0);
        tie(0, 1);
      },
      () => {
        drop(2, 3); // one triangle's two ties go while a new one closes three
        drop(0, 3);
        tie(0, 2);
        tie(1, 4);
        tie(2, 4);
        tie(1, 5);
      },
    ];
    for (const [k, change] of steps.entries()) {
      change();
      expect(measurer.measure(world), `change ${k}`).toEqual(worldNetworkMeasures(world));
    }
    expect(measurer.measure(world).clustering).toBeGreaterThan(0);
    expect(measurer.measure(world).crossAreaShare).toBeGreaterThan(0);
    // The same measurer on another world, of more organisations and more ties than its pool had slots, measures it afresh.
    const other = smallWorld(40, { area: Array.from({ length: 40 }, (_, i) => i % 3), authorities: [0, 1] });
    for (let i = 0; i < 40; i++) for (const j of [i + 1, i + 7]) if (j < 40) addTieInPlace(other, i, j, 0.5, 0.1);
    expect(measurer.measure(other)).toEqual(worldNetworkMeasures(other));
  });
});

describe('networkSteps', () => {
  it('takes step 0, every multiple and the last step once', () => {
    expect(networkSteps(30, 12)).toEqual([0, 12, 24, 30]);
    expect(networkSteps(24, 12)).toEqual([0, 12, 24]);
    expect(networkSteps(5, 40)).toEqual([0, 5]);
  });
});
