// The benchmark's baseline: a minimal sigma.js (WebGL) page on the same dataset file, the same starting placement and
// the same ForceAtlas2 steps in a worker as the explorer, so the two differ in the drawing only. A dataset that carries
// a position for every node (the brief) is drawn there and not laid out, as the explorer does. It sets the same
// performance marks as the explorer (graph:first-picture, graph:layout-done) and exposes what the benchmark drives.
import Graph from 'graphology';
import Sigma from 'sigma';
import { spiralPlacement } from '../../src/lib/view/placement';

interface Data {
	nodes: { id: string; label: string; position?: { x: number; y: number } }[];
	edges: { id: string; source: string; target: string }[];
}

const data: Data = await (await fetch(`/graph.json${location.search}`)).json();
const graph = new Graph({ type: 'undirected', multi: true });
const ids = data.nodes.map((node) => node.id);
const carried = data.nodes.every((node) => node.position);
const start = carried ? new Map(data.nodes.map((node) => [node.id, node.position!])) : spiralPlacement(ids, data.edges.map((edge) => [edge.source, edge.target] as const));
for (const node of data.nodes) graph.addNode(node.id, { label: node.label, size: 3, color: '#0072B2', ...start.get(node.id)! });
for (const edge of data.edges) graph.addEdgeWithKey(edge.id, edge.source, edge.target, { color: '#bbbbbb', size: 1 });

const renderer = new Sigma(graph, document.getElementById('graph')!, { labelRenderedSizeThreshold: 9 });
// Sigma draws in its constructor; the frame that first shows the drawing then takes 0.4–0.5 s here (WebGL through
// SwiftShader). Marked at the frame after it, as the explorer marks Cytoscape's drawing once made: marked at the start
// of that first frame instead, the mark came half a second before anything was on screen.
requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('graph:first-picture')));

let hovered: ((at: number) => void) | null = null;
renderer.on('enterNode', () => requestAnimationFrame(() => hovered?.(performance.now())));

const index = new Map(ids.map((id, i) => [id, i]));
const pairs = new Uint32Array(data.edges.flatMap((edge) => [index.get(edge.source)!, index.get(edge.target)!]));
const positions = new Float64Array(ids.flatMap((id) => [start.get(id)!.x, start.get(id)!.y]));
if (carried) requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('graph:layout-done')));
else {
	const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = (event: MessageEvent<{ positions: Float64Array; last: boolean }>) => {
		const at = event.data.positions;
		graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, x: at[2 * index.get(node)!]!, y: at[2 * index.get(node)! + 1]! }));
		if (event.data.last) requestAnimationFrame(() => performance.mark('graph:layout-done'));
	};
	worker.postMessage({ count: ids.length, pairs, positions, sizes: new Float64Array(ids.length * 2), separate: false });
}

(window as unknown as { bench: unknown }).bench = {
	/** the best-connected node's position on screen */
	hub(): { x: number; y: number } {
		const hub = ids.reduce((best, id) => (graph.degree(id) > graph.degree(best) ? id : best), ids[0]!);
		return renderer.graphToViewport(graph.getNodeAttributes(hub) as { x: number; y: number });
	},
	onHover(callback: (at: number) => void) {
		hovered = callback;
	}
};
