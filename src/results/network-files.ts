// The network at a step as graph files for Gephi, networkx and igraph: the graph of the snapshot (every organisation a
// node, every live tie an undirected edge, with their attributes), written as GEXF (the bytes graphology-gexf's writer
// writes) and as GraphML (graphology-graphml only reads it); both parse back with graphology's parsers to the same graph.
// A snapshot's files are written straight from its records, in pieces (no graphology graph, no file's text held whole);
// a graphology graph of it (snapshotGraph, in network-graph.ts, so that writing a run's files never loads graphology)
// is written the same way by gexfText and graphmlText.
import type { UndirectedGraph } from 'graphology';
import type { NetworkSnapshot, OrganisationRecord, TieRecord } from '../engine/network.ts';
import { ByteText } from '../sweep/byte-text.ts';

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
export function nodeAttributes(o: OrganisationRecord): NodeAttributes {
  let wider = 0;
  for (const depth of o.partnershipDepths) if (depth === 'wider') wider++;
  // Named one by one, in the record's order (the files' order of attributes): a spread of the record took several times
  // as long.
  const attributes: { -readonly [K in keyof NodeAttributes]: NodeAttributes[K] } = {
    kind: o.kind,
    area: o.area,
    nonLocal: o.nonLocal,
    x: o.x,
    y: o.y,
    power: o.power,
    capacity: o.capacity,
    culture: o.culture,
    norms: o.norms,
    motValues: o.motValues,
    motResources: o.motResources,
    motCompliance: o.motCompliance,
    exposure: o.exposure,
    leader: o.leader,
    leaderExperience: o.leaderExperience,
    leaderTenureYears: o.leaderTenureYears,
    ties: o.ties,
    partnerships: o.partnerships.length,
    widerPartnerships: wider,
  };
  if (o.trust !== null) attributes.trust = o.trust;
  if (o.trustName !== null) attributes.trustName = o.trustName;
  return attributes;
}

// A graph's nodes and edges with their attributes, in the graph's order: what the GEXF and GraphML writers read, taken
// from a graphology graph or straight from a snapshot (the graph a snapshot's files are written from is not built). A
// key or an end is written as it is: an organisation's id as a number, with no string made for it.
type Key = string | number;
interface Elements {
  readonly nodeKeys: readonly Key[];
  readonly nodes: readonly Attributes[];
  readonly edgeKeys: readonly Key[];
  readonly sources: readonly Key[];
  readonly targets: readonly Key[];
  /** The edges' attributes: a graph's own, or a snapshot's tie records, whose ends (source, target) are not attributes. */
  readonly edges: readonly Attributes[];
}

// The names of a tie record that are its ends, not attributes of its edge.
const TIE_ENDS: ReadonlySet<string> = new Set(['source', 'target']);

function graphElements(graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): Elements {
  const sources: string[] = [];
  const targets: string[] = [];
  return {
    nodeKeys: graph.nodes(),
    nodes: graph.mapNodes((_, attributes) => attributes as Attributes),
    edgeKeys: graph.mapEdges((key, _, source, target) => {
      sources.push(source);
      targets.push(target);
      return key;
    }),
    sources,
    targets,
    edges: graph.mapEdges((_, attributes) => attributes as Attributes),
  };
}

// The elements of snapshotGraph(snapshot), in its order: the tie records themselves are the edges' attributes.
function snapshotElements(snapshot: NetworkSnapshot): Elements {
  const ties = snapshot.ties;
  return {
    nodeKeys: snapshot.organisations.map((organisation) => organisation.id),
    nodes: snapshot.organisations.map((organisation) => nodeAttributes(organisation) as Attributes),
    edgeKeys: ties.map((tie) => `${tie.source}-${tie.target}`),
    sources: ties.map((tie) => tie.source),
    targets: ties.map((tie) => tie.target),
    edges: ties as unknown as readonly Attributes[],
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
// element has, in the order first seen (GraphML's keys), with its GraphML type and its values, a column per attribute
// (undefined for none); GEXF's model (the attributes other than the viz position with a value it writes, in the order
// the first such value is seen, each with its type).
interface AttributeTable {
  readonly names: readonly string[];
  readonly graphmlTypes: readonly string[];
  readonly columns: readonly (readonly (Scalar | undefined)[])[];
  readonly gexfModel: readonly { readonly attribute: number; readonly type: GexfType }[];
  /** Whether each element has an attribute other than x and y (one with none has no GEXF attvalues). */
  readonly others: readonly boolean[];
}

// The names in `ends` (a tie record's) are not attributes.
function attributeTable(elements: readonly Attributes[], ends: ReadonlySet<string> | null): AttributeTable {
  const index = new Map<string, number>();
  const names: string[] = [];
  const gexfTypes: (GexfType | null)[] = [];
  const gexfOrder: number[] = [];
  const others: boolean[] = [];
  for (const attributes of elements) {
    let other = false;
    // Elements mostly have the same attributes in the same order: the next name is looked for where the last one's
    // successor is before it is looked up.
    let next = 0;
    for (const name in attributes) {
      if (ends?.has(name)) continue;
      let k = names[next] === name ? next : index.get(name);
      if (k === undefined) {
        k = names.length;
        index.set(name, k);
        names.push(name);
        gexfTypes.push(null);
      }
      next = k + 1;
      if (name === 'x' || name === 'y') continue;
      other = true;
      const type = gexfType(attributes[name]);
      const current = gexfTypes[k];
      if (type === null || type === current) continue;
      if (current === null) gexfOrder.push(k);
      if (current === null || GEXF_TYPES.indexOf(type) < GEXF_TYPES.indexOf(current)) gexfTypes[k] = type;
    }
    others.push(other);
  }
  const columns = names.map((name) => elements.map((attributes) => attributes[name]));
  return {
    names,
    graphmlTypes: columns.map(graphmlType),
    columns,
    gexfModel: gexfOrder.map((attribute) => ({ attribute, type: gexfTypes[attribute] as GexfType })),
    others,
  };
}

// The GraphML type of an attribute's values: boolean, long (whole numbers), double or string, by the values it has.
function graphmlType(column: readonly (Scalar | undefined)[]): string {
  let boolean = true;
  let number = true;
  let whole = true;
  for (const value of column) {
    if (value === undefined) continue;
    boolean &&= typeof value === 'boolean';
    number &&= typeof value === 'number';
    whole &&= Number.isInteger(value);
  }
  return boolean ? 'boolean' : number ? (whole ? 'long' : 'double') : 'string';
}

// Both kinds of element's attribute tables, made once for the two files of a snapshot.
interface Tables {
  readonly nodes: AttributeTable;
  readonly edges: AttributeTable;
}

const tablesOf = ({ nodes, edges }: Elements, ends: ReadonlySet<string> | null): Tables => ({
  nodes: attributeTable(nodes, null),
  edges: attributeTable(edges, ends),
});

/** Passes on a file's bytes as it is written, in pieces of about CHUNK bytes, so that a large graph's file is never
 * held whole (the national scenario's would take most of a run's memory). A piece is the writer's own buffer, good
 * until `emit` returns: write it or copy it then. */
export type Emit = (bytes: Uint8Array) => void;
const CHUNK = 1 << 16;

// Returns the text a writer emits, whole. Pieces end between elements, never inside a character.
function whole(write: (emit: Emit) => void): string {
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  write((bytes) => pieces.push(decoder.decode(bytes)));
  return pieces.join('');
}

// An element's value as the files write it: a number at network.csv's fixed decimal places (ByteText.fixed), a
// boolean as String() writes it, text escaped by each file's own escape, encoded once for each different text.
function addValue(out: ByteText, value: Scalar, escaped: Map<string, Uint8Array>, escape: (text: string) => string): void {
  if (typeof value === 'number') out.fixed(value);
  else if (typeof value === 'boolean') out.bytes(value ? TRUE : FALSE);
  else {
    let bytes = escaped.get(value);
    if (bytes === undefined) {
      bytes = UTF8.encode(escape(value));
      escaped.set(value, bytes);
    }
    out.bytes(bytes);
  }
}

// A key or an end: an id as its digits, text escaped.
function addKey(out: ByteText, key: Key, escape: (text: string) => string): void {
  if (typeof key === 'number' && Number.isSafeInteger(key)) out.integer(key);
  else out.text(escape(String(key)));
}

const UTF8 = new TextEncoder();
const TRUE = UTF8.encode('true');
const FALSE = UTF8.encode('false');

/** Returns a graph as GEXF 1.3, byte for byte as graphology-gexf's writer writes it (version 1.3, pretty), for the
 * attributes a snapshot's graph has: x and y as Gephi's viz positions, every other attribute declared with the type that
 * writer infers from its values (none of them another name that writer reserves: label, color, size, z, shape,
 * thickness, and an edge's weight and kind). Written here, in one pass over the graph, as that writer escapes each value through
 * six regular expressions and took longer than the rest of a run's network output. */
export const gexfText = (graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string => {
  const elements = graphElements(graph);
  return whole((emit) => writeGexf(elements, tablesOf(elements, null), emit));
};

// The pieces of GEXF that every file has, encoded once.
const GEXF = {
  node: UTF8.encode('      <node id="'),
  nodeEmpty: UTF8.encode('"/>\n'),
  nodeOpen: UTF8.encode('">\n'),
  nodeClose: UTF8.encode('      </node>\n'),
  position: UTF8.encode('        <viz:position'),
  x: UTF8.encode(' x="'),
  y: UTF8.encode(' y="'),
  positionClose: UTF8.encode('/>\n'),
  edge: UTF8.encode('      <edge id="'),
  source: UTF8.encode('" source="'),
  target: UTF8.encode('" target="'),
  edgeEmpty: UTF8.encode('/>\n'),
  edgeOpen: UTF8.encode('>\n'),
  edgeClose: UTF8.encode('      </edge>\n'),
  valuesEmpty: UTF8.encode('        <attvalues/>\n'),
  valuesOpen: UTF8.encode('        <attvalues>\n'),
  valuesClose: UTF8.encode('        </attvalues>\n'),
  valueClose: UTF8.encode('"/>\n'),
};

function writeGexf({ nodeKeys, edgeKeys, sources, targets }: Elements, tables: Tables, emit: Emit): void {
  const out = new ByteText();
  const escaped = new Map<string, Uint8Array>();
  out.text(
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n' +
      '  <meta/>\n  <graph defaultedgetype="undirected">\n',
  );
  out.text(gexfModelText(tables.nodes, 'node') + gexfModelText(tables.edges, 'edge'));
  out.text(nodeKeys.length === 0 ? '    <nodes/>\n' : '    <nodes>\n');
  const table = tables.nodes;
  const nodeOpenings = gexfOpenings(table);
  const xs = table.columns[table.names.indexOf('x')];
  const ys = table.columns[table.names.indexOf('y')];
  for (let n = 0; n < nodeKeys.length; n++) {
    const x = xs?.[n];
    const y = ys?.[n];
    const listed = gexfListed(table, n);
    out.bytes(GEXF.node);
    addKey(out, nodeKeys[n], gexfEscape);
    if (listed < 0 && x === undefined && y === undefined) {
      out.bytes(GEXF.nodeEmpty);
    } else {
      out.bytes(GEXF.nodeOpen);
      if (listed >= 0) addGexfValues(out, table, nodeOpenings, n, listed, escaped);
      if (x !== undefined || y !== undefined) {
        out.bytes(GEXF.position);
        if (x !== undefined) {
          out.bytes(GEXF.x);
          addValue(out, x, escaped, gexfEscape);
          out.byte(QUOTE);
        }
        if (y !== undefined) {
          out.bytes(GEXF.y);
          addValue(out, y, escaped, gexfEscape);
          out.byte(QUOTE);
        }
        out.bytes(GEXF.positionClose);
      }
      out.bytes(GEXF.nodeClose);
    }
    if (out.size >= CHUNK) out.drain(emit);
  }
  if (nodeKeys.length > 0) out.text('    </nodes>\n');
  out.text(edgeKeys.length === 0 ? '    <edges/>\n' : '    <edges>\n');
  const edgeOpenings = gexfOpenings(tables.edges);
  for (let e = 0; e < edgeKeys.length; e++) {
    const listed = gexfListed(tables.edges, e);
    out.bytes(GEXF.edge);
    addKey(out, edgeKeys[e], gexfEscape);
    out.bytes(GEXF.source);
    addKey(out, sources[e], gexfEscape);
    out.bytes(GEXF.target);
    addKey(out, targets[e], gexfEscape);
    out.byte(QUOTE);
    if (listed < 0) out.bytes(GEXF.edgeEmpty);
    else {
      out.bytes(GEXF.edgeOpen);
      addGexfValues(out, tables.edges, edgeOpenings, e, listed, escaped);
      out.bytes(GEXF.edgeClose);
    }
    if (out.size >= CHUNK) out.drain(emit);
  }
  if (edgeKeys.length > 0) out.text('    </edges>\n');
  out.text('  </graph>\n</gexf>\n');
  out.drain(emit);
}

const QUOTE = 34;

function gexfModelText({ names, gexfModel }: AttributeTable, kind: 'node' | 'edge'): string {
  if (gexfModel.length === 0) return '';
  let text = `    <attributes class="${kind}">\n`;
  for (const { attribute, type } of gexfModel) {
    const id = gexfEscape(names[attribute]);
    text += `      <attribute id="${id}" title="${id}" type="${type}"/>\n`;
  }
  return text + '    </attributes>\n';
}

// The opening of each of the model's attvalues, up to its value.
const gexfOpenings = ({ names, gexfModel }: AttributeTable): Uint8Array[] =>
  gexfModel.map(({ attribute }) => UTF8.encode(`          <attvalue for="${gexfEscape(names[attribute])}" value="`));

// How many attvalues an element has: each attribute of the model it has a value for; -1 for none at all (an element
// with no attribute but its position), 0 for an empty list (its attributes have no value to write).
function gexfListed(table: AttributeTable, element: number): number {
  if (table.gexfModel.length === 0 || !table.others[element]) return -1;
  let listed = 0;
  for (const { attribute } of table.gexfModel) if (gexfType(table.columns[attribute][element]) !== null) listed++;
  return listed;
}

// Adds an element's attvalues, `listed` of them, in the model's order.
function addGexfValues(
  out: ByteText,
  table: AttributeTable,
  openings: readonly Uint8Array[],
  element: number,
  listed: number,
  escaped: Map<string, Uint8Array>,
): void {
  if (listed === 0) {
    out.bytes(GEXF.valuesEmpty);
    return;
  }
  out.bytes(GEXF.valuesOpen);
  for (let a = 0; a < table.gexfModel.length; a++) {
    const value = table.columns[table.gexfModel[a].attribute][element];
    if (value === undefined || gexfType(value) === null) continue;
    out.bytes(openings[a]);
    addValue(out, value, escaped, gexfEscape);
    out.bytes(GEXF.valueClose);
  }
  out.bytes(GEXF.valuesClose);
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
function addGraphmlData(
  out: ByteText,
  table: AttributeTable,
  keys: readonly Uint8Array[],
  element: number,
  escaped: Map<string, Uint8Array>,
): void {
  for (let k = 0; k < keys.length; k++) {
    const value = table.columns[k][element];
    if (value === undefined) continue;
    out.bytes(keys[k]);
    addValue(out, value, escaped, escapeXml);
    out.bytes(GRAPHML.dataClose);
  }
}

/** Returns a graph as GraphML (graphml.graphdrawing.org), undirected, every attribute declared with its type. */
export const graphmlText = (graph: UndirectedGraph<NodeAttributes, EdgeAttributes>): string => {
  const elements = graphElements(graph);
  return whole((emit) => writeGraphml(elements, tablesOf(elements, null), emit));
};

// The pieces of GraphML that every file has, encoded once.
const GRAPHML = {
  node: UTF8.encode('    <node id="'),
  nodeClose: UTF8.encode('</node>\n'),
  edge: UTF8.encode('    <edge id="'),
  source: UTF8.encode('" source="'),
  target: UTF8.encode('" target="'),
  edgeClose: UTF8.encode('</edge>\n'),
  open: UTF8.encode('">'),
  dataClose: UTF8.encode('</data>'),
};

function writeGraphml({ nodeKeys, edgeKeys, sources, targets }: Elements, tables: Tables, emit: Emit): void {
  const out = new ByteText();
  const escaped = new Map<string, Uint8Array>();
  out.text('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  // Each key's id: n0, n1, ... for nodes, e0, e1, ... for edges; the opening of its data element.
  const declare = (table: AttributeTable, target: 'node' | 'edge') =>
    table.names.map((name, k) => {
      out.text(`  <key id="${target[0]}${k}" for="${target}" attr.name="${escapeXml(name)}" attr.type="${table.graphmlTypes[k]}"/>\n`);
      return UTF8.encode(`<data key="${target[0]}${k}">`);
    });
  const nodeData = declare(tables.nodes, 'node');
  const edgeData = declare(tables.edges, 'edge');
  out.text('  <graph id="G" edgedefault="undirected">\n');
  for (let n = 0; n < nodeKeys.length; n++) {
    out.bytes(GRAPHML.node);
    addKey(out, nodeKeys[n], escapeXml);
    out.bytes(GRAPHML.open);
    addGraphmlData(out, tables.nodes, nodeData, n, escaped);
    out.bytes(GRAPHML.nodeClose);
    if (out.size >= CHUNK) out.drain(emit);
  }
  for (let e = 0; e < edgeKeys.length; e++) {
    out.bytes(GRAPHML.edge);
    addKey(out, edgeKeys[e], escapeXml);
    out.bytes(GRAPHML.source);
    addKey(out, sources[e], escapeXml);
    out.bytes(GRAPHML.target);
    addKey(out, targets[e], escapeXml);
    out.bytes(GRAPHML.open);
    addGraphmlData(out, tables.edges, edgeData, e, escaped);
    out.bytes(GRAPHML.edgeClose);
    if (out.size >= CHUNK) out.drain(emit);
  }
  out.text('  </graph>\n</graphml>\n');
  out.drain(emit);
}

/** Returns the graph files of one replicate's snapshot: each file's path inside the result directory and its writer,
 * which passes the file's bytes to `emit` in pieces (so that no file need be held whole). */
export function snapshotWriters(snapshot: NetworkSnapshot, replicate: number): [string, (emit: Emit) => void][] {
  const elements = snapshotElements(snapshot);
  // The attribute tables are made for the first file written and kept for the other.
  let made: Tables | undefined;
  const tables = () => {
    made ??= tablesOf(elements, TIE_ENDS);
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
