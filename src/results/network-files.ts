// The network at a step as graph files for Gephi, networkx and igraph: the graph of the snapshot (every organisation a
// node, every live tie an undirected edge, with their attributes), written as GEXF (the bytes graphology-gexf's writer
// writes) and as GraphML (graphology-graphml only reads it); both parse back with graphology's parsers to the same graph.
// A snapshot's files are written straight from its records, in pieces (no graphology graph, no file's text held whole);
// a graphology graph of it (snapshotGraph) is written the same way by gexfText and graphmlText.
import { UndirectedGraph } from 'graphology';
import type { NetworkSnapshot, OrganisationRecord, TieRecord } from '../engine/network.ts';
import { fixedTexts } from '../sweep/byte-text.ts';

/** The directory of a run's graph files, inside its result directory. */
export const NETWORK_DIR = 'network';

/** Returns the stem of the graph files of one replicate's network at one step: `replicate-0-step-12`. */
export const snapshotStem = (replicate: number, step: number): string => `replicate-${replicate}-step-${step}`;

/** A node's attributes: the organisation's record, its partnerships counted (all, and those it belongs to as a wider
 * member of an area-wide partnership), without a trust it does not have. */
export type NodeAttributes = Omit<OrganisationRecord, 'id' | 'partnerships' | 'partnershipDepths' | 'trust' | 'trustName'> & {
  readonly partnerships: number;
  readonly widerPartnerships: number;
  readonly trust?: number;
  readonly trustName?: string;
};

/** An edge's attributes: the tie's record without its ends. */
export type EdgeAttributes = Omit<TieRecord, 'source' | 'target'>;

/** Returns a node's attributes: the organisation's record, its partnerships counted (all, and those it belongs to as a
 * wider member), without a trust it does not have. */
function nodeAttributes({ id: _, partnerships, partnershipDepths, trust, trustName, ...rest }: OrganisationRecord): NodeAttributes {
  return {
    ...rest,
    partnerships: partnerships.length,
    widerPartnerships: partnershipDepths.filter((depth) => depth === 'wider').length,
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

type Scalar = string | number | boolean;
type Attributes = Readonly<Record<string, Scalar | undefined>>;

// graphology-gexf's types in the order it prefers them: an attribute whose values have several types takes the first.
const GEXF_TYPES = ['string', 'double', 'long', 'integer', 'boolean'] as const;
type GexfType = (typeof GEXF_TYPES)[number];

// The GEXF type of one value as graphology-gexf infers it (null for none: a value it leaves out).
function gexfType(value: Scalar | undefined): GexfType | null {
  if (value === undefined || value === '' || Number.isNaN(value)) return null;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (value !== (value | 0)) return 'double';
  return value <= 0x7fffffff && value >= -0x7fffffff ? 'integer' : 'long';
}

// The attributes of one kind of element (node or edge), as both writers read them: the name of each attribute any
// element has, in the order first seen (GraphML's keys), with its GraphML type; GEXF's model (the attributes other than
// the viz position with a value it writes, in the order the first such value is seen, each with its type); and each
// element's value of each attribute (undefined for none) with its text, at [element * names + attribute]: a number at
// network.csv's fixed decimal places (fixedTexts, all of them at once), a boolean as String() writes it, made once for
// both files.
interface AttributeTable {
  readonly names: readonly string[];
  readonly graphmlTypes: readonly string[];
  readonly gexfModel: readonly { readonly attribute: number; readonly type: GexfType }[];
  /** The opening of each of the model's attvalues, up to its value. */
  readonly gexfOpenings: readonly string[];
  readonly values: readonly (Scalar | undefined)[];
  readonly texts: readonly string[];
  /** Whether each element has an attribute other than x and y (one with none has no GEXF attvalues). */
  readonly others: readonly boolean[];
}

function attributeTable(elements: readonly { readonly attributes: Attributes }[]): AttributeTable {
  const index = new Map<string, number>();
  const names: string[] = [];
  const kinds: { boolean: boolean; number: boolean; whole: boolean }[] = [];
  const gexfTypes: (GexfType | null)[] = [];
  const gexfOrder: number[] = [];
  const others: boolean[] = [];
  for (const { attributes } of elements) {
    let other = false;
    for (const name in attributes) {
      let k = index.get(name);
      if (k === undefined) {
        k = names.length;
        index.set(name, k);
        names.push(name);
        kinds.push({ boolean: true, number: true, whole: true });
        gexfTypes.push(null);
      }
      const value = attributes[name];
      if (name === 'x' || name === 'y') continue;
      other = true;
      const type = gexfType(value);
      if (type !== null) {
        const current = gexfTypes[k];
        if (current === null) gexfOrder.push(k);
        if (current === null || GEXF_TYPES.indexOf(type) < GEXF_TYPES.indexOf(current)) gexfTypes[k] = type;
      }
    }
    others.push(other);
  }
  const values: (Scalar | undefined)[] = [];
  const texts: string[] = [];
  const numbers: number[] = [];
  const numbered: number[] = [];
  for (const { attributes } of elements)
    for (let k = 0; k < names.length; k++) {
      const value = attributes[names[k]];
      values.push(value);
      texts.push('');
      if (value === undefined) continue;
      const kind = kinds[k];
      kind.boolean &&= typeof value === 'boolean';
      kind.number &&= typeof value === 'number';
      kind.whole &&= Number.isInteger(value);
      // A text is escaped by each writer its own way.
      if (typeof value === 'number') {
        numbers.push(value);
        numbered.push(texts.length - 1);
      } else if (typeof value !== 'string') texts[texts.length - 1] = String(value);
    }
  const written = fixedTexts(numbers);
  for (let i = 0; i < numbered.length; i++) texts[numbered[i]] = written[i];
  return {
    names,
    graphmlTypes: kinds.map((kind) => (kind.boolean ? 'boolean' : kind.number ? (kind.whole ? 'long' : 'double') : 'string')),
    gexfModel: gexfOrder.map((attribute) => ({ attribute, type: gexfTypes[attribute] as GexfType })),
    gexfOpenings: gexfOrder.map((attribute) => `          <attvalue for="${gexfEscape(names[attribute])}" value="`),
    values,
    texts,
    others,
  };
}

// Both kinds of element's attribute tables, made once for the two files of a snapshot.
interface Tables {
  readonly nodes: AttributeTable;
  readonly edges: AttributeTable;
}

const tablesOf = ({ nodes, edges }: Elements): Tables => ({ nodes: attributeTable(nodes), edges: attributeTable(edges) });

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
export const gexfText = (graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string => {
  const elements = graphElements(graph);
  return whole((emit) => writeGexf(elements, tablesOf(elements), emit));
};

function writeGexf({ nodes, edges }: Elements, tables: Tables, emit: Emit): void {
  const out = chunked(emit);
  out.add(
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n' +
      '  <meta/>\n  <graph defaultedgetype="undirected">\n',
  );
  out.add(gexfModelText(tables.nodes, 'node') + gexfModelText(tables.edges, 'edge'));
  out.add(nodes.length === 0 ? '    <nodes/>\n' : '    <nodes>\n');
  const table = tables.nodes;
  const x = table.names.indexOf('x');
  const y = table.names.indexOf('y');
  const width = table.names.length;
  const valueText = (i: number) => {
    const value = table.values[i];
    return typeof value === 'string' ? gexfEscape(value) : table.texts[i];
  };
  for (let n = 0; n < nodes.length; n++) {
    const xi = x < 0 || table.values[n * width + x] === undefined ? -1 : n * width + x;
    const yi = y < 0 || table.values[n * width + y] === undefined ? -1 : n * width + y;
    const listed = gexfListed(table, n);
    out.add('      <node id="');
    out.add(gexfEscape(nodes[n].key));
    if (listed < 0 && xi < 0 && yi < 0) {
      out.add('"/>\n');
      continue;
    }
    out.add('">\n');
    if (listed >= 0) addGexfValues(out.add, table, n, listed);
    if (xi >= 0 || yi >= 0)
      out.add(`        <viz:position${xi < 0 ? '' : ` x="${valueText(xi)}"`}${yi < 0 ? '' : ` y="${valueText(yi)}"`}/>\n`);
    out.add('      </node>\n');
  }
  if (nodes.length > 0) out.add('    </nodes>\n');
  out.add(edges.length === 0 ? '    <edges/>\n' : '    <edges>\n');
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    const listed = gexfListed(tables.edges, e);
    out.add(`      <edge id="${gexfEscape(edge.key)}" source="${gexfEscape(edge.source)}" target="${gexfEscape(edge.target)}"`);
    if (listed < 0) {
      out.add('/>\n');
      continue;
    }
    out.add('>\n');
    addGexfValues(out.add, tables.edges, e, listed);
    out.add('      </edge>\n');
  }
  if (edges.length > 0) out.add('    </edges>\n');
  out.add('  </graph>\n</gexf>\n');
  out.flush();
}

function gexfModelText({ names, gexfModel }: AttributeTable, kind: 'node' | 'edge'): string {
  if (gexfModel.length === 0) return '';
  let text = `    <attributes class="${kind}">\n`;
  for (const { attribute, type } of gexfModel) {
    const id = gexfEscape(names[attribute]);
    text += `      <attribute id="${id}" title="${id}" type="${type}"/>\n`;
  }
  return text + '    </attributes>\n';
}

// How many attvalues an element has: each attribute of the model it has a value for; -1 for none at all (an element
// with no attribute but its position), 0 for an empty list (its attributes have no value to write).
function gexfListed(table: AttributeTable, element: number): number {
  if (table.gexfModel.length === 0 || !table.others[element]) return -1;
  const row = element * table.names.length;
  let listed = 0;
  for (const { attribute } of table.gexfModel) if (gexfType(table.values[row + attribute]) !== null) listed++;
  return listed;
}

// Adds an element's attvalues, `listed` of them, in the model's order.
function addGexfValues(add: Emit, table: AttributeTable, element: number, listed: number): void {
  if (listed === 0) {
    add('        <attvalues/>\n');
    return;
  }
  const row = element * table.names.length;
  add('        <attvalues>\n');
  for (let a = 0; a < table.gexfModel.length; a++) {
    const value = table.values[row + table.gexfModel[a].attribute];
    if (gexfType(value) === null) continue;
    add(table.gexfOpenings[a]);
    // A number or boolean as text has nothing to escape.
    add(typeof value === 'string' ? gexfEscape(value) : table.texts[row + table.gexfModel[a].attribute]);
    add('"/>\n');
  }
  add('        </attvalues>\n');
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

// Adds an element's data: each key's value it has, escaped, on one line.
function addGraphmlData(add: Emit, table: AttributeTable, keys: readonly string[], element: number): void {
  const row = element * keys.length;
  for (let k = 0; k < keys.length; k++) {
    const value = table.values[row + k];
    if (value === undefined) continue;
    add(keys[k]);
    add(typeof value === 'string' ? escapeXml(value) : table.texts[row + k]);
    add('</data>');
  }
}

/** Returns a graph as GraphML (graphml.graphdrawing.org), undirected, every attribute declared with its type. */
export const graphmlText = (graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string => {
  const elements = graphElements(graph);
  return whole((emit) => writeGraphml(elements, tablesOf(elements), emit));
};

function writeGraphml({ nodes, edges }: Elements, tables: Tables, emit: Emit): void {
  const out = chunked(emit);
  out.add('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  // Each key's id: n0, n1, ... for nodes, e0, e1, ... for edges; the opening of its data element.
  const declare = (table: AttributeTable, target: 'node' | 'edge') =>
    table.names.map((name, k) => {
      out.add(`  <key id="${target[0]}${k}" for="${target}" attr.name="${escapeXml(name)}" attr.type="${table.graphmlTypes[k]}"/>\n`);
      return `<data key="${target[0]}${k}">`;
    });
  const nodeKeys = declare(tables.nodes, 'node');
  const edgeKeys = declare(tables.edges, 'edge');
  out.add('  <graph id="G" edgedefault="undirected">\n');
  for (let n = 0; n < nodes.length; n++) {
    out.add(`    <node id="${escapeXml(nodes[n].key)}">`);
    addGraphmlData(out.add, tables.nodes, nodeKeys, n);
    out.add('</node>\n');
  }
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    out.add(`    <edge id="${escapeXml(edge.key)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`);
    addGraphmlData(out.add, tables.edges, edgeKeys, e);
    out.add('</edge>\n');
  }
  out.add('  </graph>\n</graphml>\n');
  out.flush();
}

/** Returns the graph files of one replicate's snapshot: each file's path inside the result directory and its writer,
 * which passes the file's text to `emit` in pieces (so that no file's text need be held whole). */
export function snapshotWriters(snapshot: NetworkSnapshot, replicate: number): [string, (emit: Emit) => void][] {
  const elements = snapshotElements(snapshot);
  // The attribute tables are made for the first file written and kept for the other.
  let made: Tables | undefined;
  const tables = () => {
    made ??= tablesOf(elements);
    return made;
  };
  const stem = `${NETWORK_DIR}/${snapshotStem(replicate, snapshot.step)}`;
  return [
    [`${stem}.graphml`, (emit) => writeGraphml(elements, tables(), emit)],
    [`${stem}.gexf`, (emit) => writeGexf(elements, tables(), emit)],
  ];
}

/** Returns the graph files of one replicate's snapshot, by path inside the result directory. */
export function snapshotFiles(snapshot: NetworkSnapshot, replicate: number): Record<string, string> {
  return Object.fromEntries(snapshotWriters(snapshot, replicate).map(([path, write]) => [path, whole(write)]));
}
