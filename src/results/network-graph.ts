// A snapshot as a graphology graph, for a library user's own analysis (and for gexfText and graphmlText): kept apart
// from network-files.ts so that a run, which writes its graph files straight from the snapshot's records, never loads
// graphology.
import { UndirectedGraph } from 'graphology';
import type { NetworkSnapshot } from '../engine/network.ts';
import { type EdgeAttributes, type NodeAttributes, nodeAttributes } from './network-files.ts';

/** Returns the graph of a snapshot: nodes keyed by organisation id, edges by `source-target`. */
export function snapshotGraph(snapshot: NetworkSnapshot): UndirectedGraph<NodeAttributes, EdgeAttributes> {
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const organisation of snapshot.organisations) graph.addNode(String(organisation.id), nodeAttributes(organisation));
  for (const { source, target, ...rest } of snapshot.ties)
    graph.addEdgeWithKey(`${source}-${target}`, String(source), String(target), rest);
  return graph;
}
