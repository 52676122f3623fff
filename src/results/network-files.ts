// The network at a step as graph files for Gephi, networkx and igraph: the graph of the snapshot (every organisation a
// node, every live tie an undirected edge, with their attributes), written as GEXF (the bytes graphology-gexf's writer
// writes) and as GraphML (graphology-graphml only reads it); both parse back with graphology's parsers to the same graph.
// A snapshot's files are written straight from its records, in pieces (no graphology graph, no file's text held whole);
// a graphology graph of it (snapshotGraph) is written the same way by gexfText and graphmlText.
import { UndirectedGraph } from 'graphology';
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

/** Returns a node's attributes: the organisation's record, its partnerships counted, without a trust it does not have. */
function nodeAttributes({ id: _, partnerships, trust, trustName, ...rest }: OrganisationRecord): NodeAttributes {
  return {
    ...rest,
    partnerships: partnerships.length,
    ...(trust === null ? {} : { trust }),
    ...(trustName === null ? {} : { trustName }),
  };
}

/** Returns the graph of a snapshot: nodes keyed by organisation id, edges by `source-target`. */
export function snapshotGraph(snapshot: NetworkSnapshot): UndirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const organisation of snapshot.organisations) graph.addNode(String(organisation.id), nodeAttributes(organisation));
  for (const { source, target, ...rest } of snapshot.ties)
    graph.addEdgeWithKey(`${source}-${target}`, String(source), String(target), rest);
  return graph;
}

// A graph's nodes and edges with their attributes, in the graph's order: what the GEXF and GraphML writers read, taken
// from a graphology graph or straight from a snapshot (the graph a snapshot's files are written from is not built).
interface Elements {
  readonly nodes: readonly { readonly key: string; readonly attributes: Attributes }[];
  readonly edges: readonly { readonly key: string; readonly source: string; readonly target: string; readonly attributes: Attributes }[];
}

function graphElements(graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): Elements {
  return {
    nodes: graph.mapNodes((key, attributes) => ({ key, attributes: attributes as Attributes })),
    edges: graph.mapEdges((key, attributes, source, target) => ({ key, source, target, attributes: attributes as Attributes })),
  };
}

// The elements of snapshotGraph(snapshot), in its order.
function snapshotElements(snapshot: NetworkSnapshot): Elements {
  return {
    nodes: snapshot.organisations.map((organisation) => ({
      key: String(organisation.id),
      attributes: nodeAttributes(organisation) as Attributes,
    })),
    edges: snapshot.ties.map(({ source, target, ...rest }) => ({
      key: `${source}-${target}`,
      source: String(source),
      target: String(target),
      attributes: rest as Attributes,
    })),
  };
}

// The text of a file as it is written, in pieces of about CHUNK characters, so that a large graph's file is never held
// whole (the national scenario's would take most of a run's memory).
export type Emit = (text: string) => void;
const CHUNK = 1 << 16;

// Returns an emitter that gathers text and passes it on in pieces of about CHUNK characters, each joined at once (text
// grown by += is a tree of its parts, slow to flatten); flush passes on the rest.
function chunked(emit: Emit): { add: Emit; flush: () => void } {
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (length > 0) emit(parts.join(''));
    parts = [];
    length = 0;
  };
  return {
    add: (text) => {
      parts.push(text);
      length += text.length;
      if (length >= CHUNK) flush();
    },
    flush,
  };
}

// Returns the text a writer emits, whole.
function whole(write: (emit: Emit) => void): string {
  const pieces: string[] = [];
  write((text) => pieces.push(text));
  return pieces.join('');
}

/** Returns a graph as GEXF 1.3, byte for byte as graphology-gexf's writer writes it (version 1.3, pretty), for the
 * attributes a snapshot's graph has: x and y as Gephi's viz positions, every other attribute declared with the type that
 * writer infers from its values (none of them another name that writer reserves: label, color, size, z, shape,
 * thickness, and an edge's weight and kind). Written here, in one pass over the graph, as that writer escapes each value through
 * six regular expressions and took longer than the rest of a run's network output. */
export const gexfText = (graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string =>
  whole((emit) => writeGexf(graphElements(graph), emit));

function writeGexf({ nodes, edges }: Elements, emit: Emit): void {
  const out = chunked(emit);
  const nodeModel = gexfModel(nodes.map((node) => node.attributes));
  const edgeModel = gexfModel(edges.map((edge) => edge.attributes));
  out.add(
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n' +
      '  <meta/>\n  <graph defaultedgetype="undirected">\n',
  );
  out.add(gexfModelText(nodeModel, 'node') + gexfModelText(edgeModel, 'edge'));
  out.add(nodes.length === 0 ? '    <nodes/>\n' : '    <nodes>\n');
  for (const node of nodes) {
    const values = gexfValues(nodeModel, node.attributes);
    const { x, y } = node.attributes;
    const position =
      x === undefined && y === undefined
        ? ''
        : `        <viz:position${x === undefined ? '' : ` x="${gexfEscape(String(x))}"`}${y === undefined ? '' : ` y="${gexfEscape(String(y))}"`}/>\n`;
    const head = `      <node id="${gexfEscape(node.key)}"`;
    out.add(values === '' && position === '' ? `${head}/>\n` : `${head}>\n${values}${position}      </node>\n`);
  }
  if (nodes.length > 0) out.add('    </nodes>\n');
  out.add(edges.length === 0 ? '    <edges/>\n' : '    <edges>\n');
  for (const edge of edges) {
    const values = gexfValues(edgeModel, edge.attributes);
    const head = `      <edge id="${gexfEscape(edge.key)}" source="${gexfEscape(edge.source)}" target="${gexfEscape(edge.target)}"`;
    out.add(values === '' ? `${head}/>\n` : `${head}>\n${values}      </edge>\n`);
  }
  if (edges.length > 0) out.add('    </edges>\n');
  out.add('  </graph>\n</gexf>\n');
  out.flush();
}

type Scalar = string | number | boolean;
type Attributes = Readonly<Record<string, Scalar | undefined>>;

// graphology-gexf's types in the order it prefers them: an attribute whose values have several types takes the first.
const GEXF_TYPES = ['string', 'double', 'long', 'integer', 'boolean'] as const;

// The GEXF type of one value as graphology-gexf infers it (null for none: a value it leaves out).
function gexfType(value: Scalar | undefined): (typeof GEXF_TYPES)[number] | null {
  if (value === undefined || value === '' || Number.isNaN(value)) return null;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (value !== (value | 0)) return 'double';
  return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
}

// The attributes of one kind of element other than its viz position, each with its type, in the order first seen.
function gexfModel(elements: readonly Attributes[]): Map<string, (typeof GEXF_TYPES)[number]> {
  const model = new Map<string, (typeof GEXF_TYPES)[number]>();
  for (const attributes of elements)
    for (const name in attributes) {
      if (name === 'x' || name === 'y') continue;
      const type = gexfType(attributes[name]);
      if (type === null) continue;
      const current = model.get(name);
      if (current === undefined || GEXF_TYPES.indexOf(type) < GEXF_TYPES.indexOf(current)) model.set(name, type);
    }
  return model;
}

function gexfModelText(model: ReadonlyMap<string, string>, kind: 'node' | 'edge'): string {
  if (model.size === 0) return '';
  let text = `    <attributes class="${kind}">\n`;
  for (const [name, type] of model) {
    const id = gexfEscape(name);
    text += `      <attribute id="${id}" title="${id}" type="${type}"/>\n`;
  }
  return text + '    </attributes>\n';
}

// An element's attvalues: each attribute of the model it has a value for, in the model's order; none for an element
// with no attribute but its position, and an empty list for one whose attributes have no value to write.
function gexfValues(model: ReadonlyMap<string, string>, attributes: Attributes): string {
  if (model.size === 0 || !Object.keys(attributes).some((name) => name !== 'x' && name !== 'y')) return '';
  let values = '';
  for (const name of model.keys()) {
    const value = attributes[name];
    // A number or boolean as text has nothing to escape.
    if (name in attributes && gexfType(value) !== null)
      values += `          <attvalue for="${gexfEscape(name)}" value="${typeof value === 'string' ? gexfEscape(value) : String(value)}"/>\n`;
  }
  return values === '' ? '        <attvalues/>\n' : `        <attvalues>\n${values}        </attvalues>\n`;
}

// An attribute value escaped as xml-writer, graphology-gexf's writer, escapes it.
const GEXF_ESCAPED = /[&<"\t\n\r]/;
function gexfEscape(text: string): string {
  if (!GEXF_ESCAPED.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

const XML_ESCAPED = /[&<>"']/;
const escapeXml = (text: string): string =>
  XML_ESCAPED.test(text)
    ? text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)
    : text;

// The keys of one kind of element (node or edge): each attribute any element has, in the order first seen, with a
// GraphML id and the type of its values: boolean, long for whole numbers, double for other numbers, else string.
function graphmlKeys(target: 'node' | 'edge', elements: readonly Attributes[]): { name: string; id: string; type: string }[] {
  const seen = new Map<string, { boolean: boolean; number: boolean; whole: boolean }>();
  for (const attributes of elements)
    for (const name in attributes) {
      let kinds = seen.get(name);
      if (kinds === undefined) {
        kinds = { boolean: true, number: true, whole: true };
        seen.set(name, kinds);
      }
      const value = attributes[name];
      if (value === undefined) continue;
      kinds.boolean &&= typeof value === 'boolean';
      kinds.number &&= typeof value === 'number';
      kinds.whole &&= Number.isInteger(value);
    }
  return [...seen].map(([name, kinds], k) => ({
    name,
    id: `${target[0]}${k}`,
    type: kinds.boolean ? 'boolean' : kinds.number ? (kinds.whole ? 'long' : 'double') : 'string',
  }));
}

// An element's data: each key's value it has, escaped, on one line.
function graphmlData(keys: readonly { name: string; id: string }[], attributes: Attributes): string {
  let data = '';
  for (const key of keys) {
    const value = attributes[key.name];
    if (value !== undefined) data += `<data key="${key.id}">${typeof value === 'string' ? escapeXml(value) : String(value)}</data>`;
  }
  return data;
}

/** Returns a graph as GraphML (graphml.graphdrawing.org), undirected, every attribute declared with its type. */
export const graphmlText = (graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string =>
  whole((emit) => writeGraphml(graphElements(graph), emit));

function writeGraphml({ nodes, edges }: Elements, emit: Emit): void {
  const out = chunked(emit);
  const nodeKeys = graphmlKeys(
    'node',
    nodes.map((node) => node.attributes),
  );
  const edgeKeys = graphmlKeys(
    'edge',
    edges.map((edge) => edge.attributes),
  );
  out.add('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  for (const key of nodeKeys) out.add(`  <key id="${key.id}" for="node" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`);
  for (const key of edgeKeys) out.add(`  <key id="${key.id}" for="edge" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>\n`);
  out.add('  <graph id="G" edgedefault="undirected">\n');
  for (const node of nodes) out.add(`    <node id="${escapeXml(node.key)}">${graphmlData(nodeKeys, node.attributes)}</node>\n`);
  for (const edge of edges)
    out.add(
      `    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${graphmlData(edgeKeys, edge.attributes)}</edge>\n`,
    );
  out.add('  </graph>\n</graphml>\n');
  out.flush();
}

/** Returns the graph files of one replicate's snapshot: each file's path inside the result directory and its writer,
 * which passes the file's text to `emit` in pieces (so that no file's text need be held whole). */
export function snapshotWriters(snapshot: NetworkSnapshot, replicate: number): [string, (emit: Emit) => void][] {
  const elements = snapshotElements(snapshot);
  const stem = `${NETWORK_DIR}/${snapshotStem(replicate, snapshot.step)}`;
  return [
    [`${stem}.graphml`, (emit) => writeGraphml(elements, emit)],
    [`${stem}.gexf`, (emit) => writeGexf(elements, emit)],
  ];
}

/** Returns the graph files of one replicate's snapshot, by path inside the result directory. */
export function snapshotFiles(snapshot: NetworkSnapshot, replicate: number): Record<string, string> {
  return Object.fromEntries(snapshotWriters(snapshot, replicate).map(([path, write]) => [path, whole(write)]));
}
