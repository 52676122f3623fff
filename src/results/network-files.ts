// The network at a step as graph files for Gephi, networkx and igraph: a graphology graph of the snapshot (every
// organisation a node, every live tie an undirected edge, with their attributes), written as GEXF by graphology-gexf's
// writer and as GraphML here (graphology-graphml only reads GraphML); both parse back with graphology to the same graph.
import { UndirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { NetworkSnapshot, OrganisationRecord, TieRecord } from '../engine/network.ts';

/** The directory of a run's graph files, inside its result directory. */
export const NETWORK_DIR = 'network';

/** Returns the stem of the graph files of one replicate's network at one step: `replicate-0-step-12`. */
export const snapshotStem = (replicate: number, step: number): string => `replicate-${replicate}-step-${step}`;

/** A node's attributes: the organisation's record, its partnerships counted, without a trust it does not have. */
export type NodeAttributes = Omit<OrganisationRecord, 'id' | 'partnerships' | 'trust' | 'trustName'> & {
  readonly partnerships: number;
  readonly trust?: number;
  readonly trustName?: string;
};

/** An edge's attributes: the tie's record without its ends. */
export type EdgeAttributes = Omit<TieRecord, 'source' | 'target'>;

/** Returns the graph of a snapshot: nodes keyed by organisation id, edges by `source-target`. */
export function snapshotGraph(snapshot: NetworkSnapshot): UndirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const { id, partnerships, trust, trustName, ...rest } of snapshot.organisations)
    graph.addNode(String(id), {
      ...rest,
      partnerships: partnerships.length,
      ...(trust === null ? {} : { trust }),
      ...(trustName === null ? {} : { trustName }),
    });
  for (const { source, target, ...rest } of snapshot.ties)
    graph.addEdgeWithKey(`${source}-${target}`, String(source), String(target), rest);
  return graph;
}

/** Returns a graph as GEXF 1.3 (graphology-gexf): positions x, y as Gephi's viz positions, every other attribute declared
 * with its type. */
export function gexfText(graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string {
  return writeGexf(graph, { version: '1.3', pretty: true }) + '\n';
}

type Scalar = string | number | boolean;

// GraphML types of an attribute from its values: boolean, long for whole numbers, double for others, else string.
function graphmlType(values: readonly Scalar[]): string {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'long' : 'double';
  return 'string';
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

// The keys of one kind of element (node or edge): each attribute any element has, with its type and a GraphML id.
function graphmlKeys(
  target: 'node' | 'edge',
  elements: readonly Readonly<Record<string, Scalar | undefined>>[],
): { name: string; id: string; type: string }[] {
  const names = [...new Set(elements.flatMap((attributes) => Object.keys(attributes)))];
  return names.map((name, k) => {
    const values = elements.map((attributes) => attributes[name]).filter((v): v is Scalar => v !== undefined);
    return { name, id: `${target[0]}${k}`, type: graphmlType(values) };
  });
}

/** Returns a graph as GraphML (graphml.graphdrawing.org), undirected, every attribute declared with its type. */
export function graphmlText(graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes: attributes as Readonly<Record<string, Scalar | undefined>> }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({
    key,
    source,
    target,
    attributes: attributes as Readonly<Record<string, Scalar | undefined>>,
  }));
  const nodeKeys = graphmlKeys(
    'node',
    nodes.map((node) => node.attributes),
  );
  const edgeKeys = graphmlKeys(
    'edge',
    edges.map((edge) => edge.attributes),
  );
  const data = (keys: typeof nodeKeys, attributes: Readonly<Record<string, Scalar | undefined>>) =>
    keys
      .filter((key) => attributes[key.name] !== undefined)
      .map((key) => `<data key="${key.id}">${escapeXml(String(attributes[key.name]))}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map((key) => `  <key id="${key.id}" for="node" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`),
    ...edgeKeys.map((key) => `  <key id="${key.id}" for="edge" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`),
    '  <graph id="G" edgedefault="undirected">',
    ...nodes.map((node) => `    <node id="${escapeXml(node.key)}">${data(nodeKeys, node.attributes)}</node>`),
    ...edges.map(
      (edge) =>
        `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${data(edgeKeys, edge.attributes)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}

/** Returns the graph files of one replicate's snapshot, by path inside the result directory. */
export function snapshotFiles(snapshot: NetworkSnapshot, replicate: number): Record<string, string> {
  const graph = snapshotGraph(snapshot);
  const stem = `${NETWORK_DIR}/${snapshotStem(replicate, snapshot.step)}`;
  return { [`${stem}.graphml`]: graphmlText(graph), [`${stem}.gexf`]: gexfText(graph) };
}
