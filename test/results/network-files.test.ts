// The network's files: GraphML and GEXF snapshots parse back with graphology (graphology-graphml, graphology-gexf) to
// the same nodes, edges and attributes, their numbers to 6 decimal places, the GEXF the very bytes graphology-gexf's
// writer writes for those numbers; the edge list read back from Parquet (hyparquet) equals the ties in memory, and from
// network.csv to 6 places; organisations.csv and leaders.csv agree with each other and with the run.
import { UndirectedGraph } from 'graphology';
import fc from 'fast-check';
import { parse as parseGexf, write as writeGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parquetRead } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.ts';
import { parseCsv } from '../../src/results/read-run.ts';
import {
  type EdgeAttributes,
  gexfText,
  graphmlText,
  NETWORK_DIR,
  type NodeAttributes,
  snapshotFiles,
} from '../../src/results/network-files.ts';
import { snapshotGraph } from '../../src/results/network-graph.ts';
import {
  LEADER_COLUMNS,
  NETWORK_COLUMNS,
  networkCsv,
  networkRows,
  ORGANISATION_COLUMNS,
  organisationRows,
  resultFiles,
} from '../../src/results/run-files.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { fixedProvenance } from '../pins/outputs.ts';
import { encodeCsvRows, encodeTable } from '../../src/sweep/table.ts';

const scenario = normalizeScenario({
  name: 'tiny',
  organisations: { areas: [{ name: 'North & "upper" <1>' }, { name: 'South' }] },
  leaders: { turnover: 0.5 },
  time: { steps: 24, seed: 5 },
});
const result = runScenario(scenario, { networkEvery: 10 });
const last = result.network.at(-1)!;

/** Returns a number as the network's files hold it, worked out apart from their writer: rounded to 6 decimal places
 * (halves away from zero, no sign of zero) below 1e9 in magnitude, as it is otherwise. */
const rounded = (value: number): number =>
  Math.abs(value) < 1e9 ? Math.sign(value) * (Math.round(Math.abs(value) * 1e6) / 1e6) || 0 : value;

/** Returns attributes with every number rounded as the files hold it. */
const roundedAttributes = (attributes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, typeof value === 'number' ? rounded(value) : value]));

/** Returns a graph with every number attribute rounded as the files hold it. */
function roundedGraph(graph: UndirectedGraph): UndirectedGraph {
  const copy = graph.copy();
  copy.updateEachNodeAttributes((_, attributes) => roundedAttributes(attributes));
  copy.updateEachEdgeAttributes((_, attributes) => roundedAttributes(attributes));
  return copy;
}

/** Returns a graph's nodes and edges with their attributes, sorted by key, as plain values. */
function contents(graph: UndirectedGraph) {
  return {
    nodes: graph.mapNodes((key, attributes) => ({ key, attributes })).sort((a, b) => Number(a.key) - Number(b.key)),
    edges: graph
      .mapEdges((_, attributes, source, target) => ({ source, target, attributes }))
      .sort((a, b) => Number(a.source) - Number(b.source) || Number(a.target) - Number(b.target)),
  };
}

/** Returns the largest difference of a number read back from the model's (Infinity for any other difference). */
function deviation(read: unknown, model: unknown): number {
  if (typeof model === 'number' && typeof read === 'number') return Math.abs(read - model);
  if (model === null || typeof model !== 'object' || read === null || typeof read !== 'object')
    return Object.is(read, model) ? 0 : Infinity;
  const keys = Object.keys(model);
  if (Object.keys(read).length !== keys.length) return Infinity;
  let largest = 0;
  for (const key of keys)
    largest = Math.max(largest, deviation((read as Record<string, unknown>)[key], (model as Record<string, unknown>)[key]));
  return largest;
}

/** Expects each number read back within 5e-7 of the model's (half the last place written), all else equal. */
function expectWithinPlaces(read: unknown, model: unknown): void {
  expect(deviation(read, model)).toBeLessThanOrEqual(5e-7 * (1 + 1e-9));
}

describe('network snapshots', () => {
  it('are taken at step 0, every 10 steps and the last step', () => {
    expect(result.network.map((snapshot) => snapshot.step)).toEqual([0, 10, 20, 24]);
    expect(last.ties.length).toBeGreaterThan(0);
    expect(last.organisations).toEqual(result.organisationsAtEnd);
  });

  it('parse back from GraphML with graphology to the same nodes, edges and attributes', () => {
    const graph = snapshotGraph(last);
    const parsed = parseGraphml(UndirectedGraph, graphmlText(graph));
    expect(parsed.type).toBe('undirected');
    expect(contents(parsed as UndirectedGraph)).toEqual(contents(roundedGraph(graph)));
  });

  it('parse back from GEXF with graphology to the same nodes, edges and attributes', () => {
    const graph = snapshotGraph(last);
    const parsed = parseGexf(UndirectedGraph, gexfText(graph));
    expect(contents(parsed as UndirectedGraph)).toEqual(contents(roundedGraph(graph)));
  });

  it('give back each number of the model within 5e-7 from GraphML and GEXF, at every recorded step', () => {
    for (const snapshot of result.network) {
      const graph = snapshotGraph(snapshot);
      for (const text of [graphmlText(graph), gexfText(graph)]) {
        const parsed = text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')
          ? parseGraphml(UndirectedGraph, text)
          : parseGexf(UndirectedGraph, text);
        expectWithinPlaces(contents(parsed as UndirectedGraph), contents(graph));
      }
    }
  });

  it('are in GEXF the bytes graphology-gexf’s writer writes for the numbers rounded, at every recorded step', () => {
    for (const snapshot of result.network) {
      const graph = snapshotGraph(snapshot);
      expect(gexfText(graph)).toBe(`${writeGexf(roundedGraph(graph), { version: '1.3', pretty: true })}\n`);
    }
  });

  it('are in GEXF the bytes graphology-gexf’s writer writes for the numbers rounded, for graphs of awkward attributes', () => {
    // Text that needs escaping, whole numbers past 32 bits, NaN, empty text, attributes some elements lack or hold no
    // value in, elements with no attribute or only a position, and no nodes or no edges at all. A fraction that rounds
    // to a whole number is left out: the files declare its attribute's type from the value, not from its rounding.
    const value = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '&', '<', '>', '"', "'", '\t', '\n', '\r', 'é'), maxLength: 4 }),
      fc.integer(),
      fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 40, -0, Number.NaN, 0.5, 1e21),
      fc.double({ noDefaultInfinity: true }).filter((x) => Number.isInteger(x) || !Number.isInteger(rounded(x))),
      fc.boolean(),
      fc.constant(undefined),
    );
    const attributes = (names: readonly string[]) => fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length });
    const graphs = fc.record({
      nodes: fc.array(
        fc.record({
          position: fc.option(fc.tuple(fc.double({ noNaN: true }), fc.option(fc.double()))),
          attributes: attributes(['kind', 'area', 'power', 'ties']),
        }),
        { maxLength: 6 },
      ),
      edges: fc.array(fc.tuple(fc.nat(5), fc.nat(5), attributes(['strength', 'typeST', 'shared'])), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(graphs, ({ nodes, edges }) => {
        const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
        nodes.forEach(({ position, attributes }, i) => {
          const [x, y] = position ?? [undefined, undefined];
          graph.addNode(`${i}&"${i}"`, {
            ...attributes,
            ...(x === undefined ? {} : { x }),
            ...(y === null || y === undefined ? {} : { y }),
          } as unknown as NodeAttributes);
        });
        for (const [a, b, edge] of edges) {
          const [source, target] = [`${a}&"${a}"`, `${b}&"${b}"`];
          if (a < nodes.length && b < nodes.length && a !== b && !graph.hasEdge(source, target))
            graph.addEdgeWithKey(`${a}<${b}`, source, target, edge as unknown as EdgeAttributes);
        }
        expect(gexfText(graph)).toBe(`${writeGexf(roundedGraph(graph), { version: '1.3', pretty: true })}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('hold every organisation as a node and every live tie as an edge, with both directions of trust', () => {
    const graph = snapshotGraph(last);
    expect(graph.order).toBe(result.organisations);
    expect(graph.size).toBe(last.ties.length);
    const [tie] = last.ties;
    const attributes = graph.getEdgeAttributes(String(tie.source), String(tie.target));
    expect([attributes.trustST, attributes.trustTS, attributes.leaderST, attributes.leaderTS]).toEqual([
      tie.trustST,
      tie.trustTS,
      tie.leaderST,
      tie.leaderTS,
    ]);
  });

  it("count each organisation's wider memberships of area-wide partnerships, read back from GraphML and GEXF", () => {
    const files = snapshotFiles(last, 0);
    const stem = `${NETWORK_DIR}/replicate-0-step-${last.step}`;
    const expected = last.organisations.map((o) => o.partnershipDepths.filter((depth) => depth === 'wider').length);
    expect(expected.some((count) => count > 0)).toBe(true);
    for (const graph of [parseGraphml(UndirectedGraph, files[`${stem}.graphml`]), parseGexf(UndirectedGraph, files[`${stem}.gexf`])])
      expect(last.organisations.map((o) => graph.getNodeAttribute(String(o.id), 'widerPartnerships'))).toEqual(expected);
  });

  it('are named by replicate and step in the network directory', () => {
    expect(Object.keys(snapshotFiles(last, 3))).toEqual([
      `${NETWORK_DIR}/replicate-3-step-24.graphml`,
      `${NETWORK_DIR}/replicate-3-step-24.gexf`,
    ]);
  });
});

describe('the edge list', () => {
  it('reads back from Parquet (hyparquet) equal to the ties in memory', async () => {
    const bytes = encodeTable(NETWORK_COLUMNS, networkRows(result.network, 2), 'parquet');
    let rows: unknown[][] = [];
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await parquetRead({ file, rowFormat: 'array', onComplete: (data) => (rows = data) });
    const ints = new Set(NETWORK_COLUMNS.filter((c) => c.type === 'int').map((c) => c.name));
    const read = rows.map((row) => Object.fromEntries(NETWORK_COLUMNS.map((c, k) => [c.name, ints.has(c.name) ? Number(row[k]) : row[k]])));
    const expected = result.network.flatMap((snapshot) => snapshot.ties.map((tie) => ({ replicate: 2, step: snapshot.step, ...tie })));
    expect(read).toEqual(expected);
  });

  it('is written to network.csv with no array per row, to the bytes encodeCsvRows writes for its rows', () => {
    const lines = new TextDecoder().decode(networkCsv(result.network, 3));
    expect(lines).toBe(encodeCsvRows(NETWORK_COLUMNS, networkRows(result.network, 3), false));
    expect(lines.split('\n')).toHaveLength(result.network.reduce((sum, snapshot) => sum + snapshot.ties.length, 1));
  });

  it('reads back from network.csv equal to the ties in memory, every number within 5e-7 (6 decimal places)', () => {
    const files = resultFiles([result], fixedProvenance(scenario, scenario.time.seed, [result.seed]));
    const [header, ...records] = parseCsv(files['network.csv']);
    expect(header).toEqual(NETWORK_COLUMNS.map((c) => c.name));
    const expected = result.network.flatMap((snapshot) => snapshot.ties.map((tie) => ({ replicate: 0, step: snapshot.step, ...tie })));
    const read = records.map((record) =>
      Object.fromEntries(NETWORK_COLUMNS.map((c, k) => [c.name, c.type === 'string' ? record[k] : Number(record[k])])),
    );
    expectWithinPlaces(read, expected);
    expect(read).toEqual(expected.map((tie) => roundedAttributes(tie)));
    expect(records.flat().some((field) => /\.\d{7}/.test(String(field)))).toBe(false);
  });
});

describe('organisations.csv and leaders.csv', () => {
  const files = resultFiles([result], fixedProvenance(scenario, scenario.time.seed, [result.seed]));
  const table = (name: string) => {
    const [header, ...records] = parseCsv(files[name]);
    return records.map((record) => Object.fromEntries(header.map((column, k) => [column, record[k]])));
  };

  it('have their documented columns', () => {
    expect(parseCsv(files['organisations.csv'])[0]).toEqual(ORGANISATION_COLUMNS.map((c) => c.name));
    expect(parseCsv(files['leaders.csv'])[0]).toEqual(LEADER_COLUMNS.map((c) => c.name));
    expect(organisationRows(result.organisationsAtEnd, 0)).toHaveLength(result.organisations);
  });

  it('give each organisation one leader in post at the end, whose post is at that organisation', () => {
    const posts = table('leaders.csv');
    for (const org of table('organisations.csv')) {
      const open = posts.filter((post) => post.organisation === org.id && post.toStep === null);
      expect(open).toHaveLength(1);
      expect(open[0].leader).toBe(org.leader);
      expect(Number(open[0].fromStep)).toBe(scenario.time.steps - Math.round(Number(org.leaderTenureYears) * scenario.time.stepsPerYear));
    }
  });

  it("chain each organisation's posts: a post ends at the step the next one starts", () => {
    const posts = result.leaders;
    expect(posts.length).toBeGreaterThan(result.organisations);
    for (let i = 0; i < result.organisations; i++) {
      const here = posts.filter((post) => post.organisation === i);
      for (let k = 1; k < here.length; k++) expect(here[k].fromStep).toBe(here[k - 1].toStep);
      expect(here.at(-1)?.toStep).toBeNull();
      expect(here[0].fromStep).toBeLessThanOrEqual(0);
    }
    // A leader who moves holds several posts, one after another: never two at once.
    for (const leader of new Set(posts.map((post) => post.leader))) {
      const held = posts.filter((post) => post.leader === leader);
      for (let k = 1; k < held.length; k++) expect(held[k].fromStep).toBeGreaterThanOrEqual(held[k - 1].toStep as number);
    }
  });

  it('keep every leader in post when the leaders mechanism is switched off', () => {
    const still = runScenario({ ...scenario, mechanisms: { leaders: false } });
    expect(still.leaders).toHaveLength(still.organisations);
    expect(still.leaders.every((post) => post.toStep === null)).toBe(true);
  });

  it("give each organisation's depth in each of its partnerships, agreeing with partnerships.csv's members and core", () => {
    const counted = new Map<string, { members: number; core: number }>();
    for (const org of table('organisations.csv')) {
      const ids = org.partnershipIds === '' ? [] : String(org.partnershipIds).split(' ');
      const depths = org.partnershipDepths === '' ? [] : String(org.partnershipDepths).split(' ');
      expect(depths).toHaveLength(ids.length);
      ids.forEach((id, k) => {
        expect(['core', 'wider']).toContain(depths[k]);
        const count = counted.get(id) ?? { members: 0, core: 0 };
        counted.set(id, { members: count.members + 1, core: count.core + (depths[k] === 'core' ? 1 : 0) });
      });
    }
    const active = table('partnerships.csv').filter((p) => p.endedStep === null);
    expect(active.some((p) => p.scope === 'area' && Number(p.core) < Number(p.members))).toBe(true);
    expect(Object.fromEntries(counted)).toEqual(
      Object.fromEntries(active.map((p) => [String(p.id), { members: Number(p.members), core: Number(p.core) }])),
    );
  });

  it("list each organisation's partnerships at the end among partnerships.csv's active ones", () => {
    const active = new Set(result.partnerships.filter((p) => p.endedStep === null).map((p) => String(p.id)));
    const listed = table('organisations.csv').flatMap((org) => (org.partnershipIds === '' ? [] : String(org.partnershipIds).split(' ')));
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(active.has(id)).toBe(true);
  });
});
