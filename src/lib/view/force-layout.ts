// The force-directed layouts the layout worker runs, as plain functions (no DOM, so they run in a Web Worker and
// in unit tests): fCoSE on a headless Cytoscape for graphs that show their labels, ForceAtlas2 in steps for large
// ones. Both are deterministic: the same input gives the same positions.
import type cytoscapeFactory from 'cytoscape';
import type { LayoutOptions } from 'cytoscape';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { seededRandom } from '$lib/analysis/random';
import { separateBoxes } from './overlap';

export interface ForceLayoutInput {
	/** node count; node i's values sit at 2i and 2i + 1 */
	count: number;
	/** each tie between two nodes once: index pairs */
	pairs: Uint32Array;
	/** starting box centres, x and y per node */
	positions: Float64Array;
	/** width and height of each node's box, label included */
	sizes: Float64Array;
	/** push overlapping boxes apart after the layout */
	separate: boolean;
}

/** Nodes up to which the force-directed layout is fCoSE (reads best with labels); above it, ForceAtlas2 (scales). */
export const FCOSE_UP_TO = 600;
/**
 * Linked pairs up to which it is fCoSE too: its springs and its spectral start cost in proportion to them, and the
 * complete graph of 150 nodes (11,175 pairs) took 15 s to lay out, where ForceAtlas2 takes a fraction of that.
 */
export const FCOSE_PAIRS_UP_TO = 3000;
/**
 * Nodes up to which fCoSE runs on the page itself, before the first picture (tens of milliseconds): a small graph
 * such as the brief opens in its final picture, with no worker to start. Larger graphs use the layout worker.
 */
export const FCOSE_IN_PAGE_UP_TO = 120;

/**
 * ForceAtlas2 iterations for a graph of n nodes: more for small graphs, which are cheap, fewer for large ones
 * (about 150 at 3,000 nodes, 90 at 10,000: on Barabási–Albert graphs more iterations no longer change the picture's
 * spread of hubs or tie lengths, measured in bench/layout-quality.ts).
 */
export function forceAtlas2Iterations(count: number): number {
	return Math.round(Math.min(1000, Math.max(60, 4500 / Math.max(count, 1) ** 0.42)));
}

const NODE_FIELDS = 10;
const EDGE_FIELDS = 3;

/**
 * ForceAtlas2 (Jacomy et al. 2014, graphology's implementation) in steps: each `next()` runs up to `batch`
 * iterations of `total` and yields the box centres so far and the iterations done; the last yield is the final layout.
 */
export function* forceAtlas2Steps(input: ForceLayoutInput, batch = 10, total = forceAtlas2Iterations(input.count)): Generator<{ positions: Float64Array; done: number; total: number }> {
	const { count, pairs, positions } = input;
	const nodes = new Float32Array(count * NODE_FIELDS);
	for (let i = 0; i < count; i++) {
		nodes[i * NODE_FIELDS] = positions[2 * i]!;
		nodes[i * NODE_FIELDS + 1] = positions[2 * i + 1]!;
		nodes[i * NODE_FIELDS + 6] = 1;
		nodes[i * NODE_FIELDS + 7] = 1;
		nodes[i * NODE_FIELDS + 8] = 1;
	}
	const edgeCount = pairs.length / 2;
	const edges = new Float32Array(edgeCount * EDGE_FIELDS);
	for (let e = 0; e < edgeCount; e++) {
		const [a, b] = [pairs[2 * e]!, pairs[2 * e + 1]!];
		edges[e * EDGE_FIELDS] = a * NODE_FIELDS;
		edges[e * EDGE_FIELDS + 1] = b * NODE_FIELDS;
		edges[e * EDGE_FIELDS + 2] = 1;
		// A node's mass is 1 + its degree, as in graphology's ForceAtlas2.
		nodes[a * NODE_FIELDS + 6]! += 1;
		nodes[b * NODE_FIELDS + 6]! += 1;
	}
	const settings = {
		linLogMode: false,
		outboundAttractionDistribution: false,
		adjustSizes: false,
		edgeWeightInfluence: 1,
		scalingRatio: 10,
		strongGravityMode: true,
		gravity: 0.05,
		slowDown: 1 + Math.log(Math.max(count, 1)),
		barnesHutOptimize: count > 1000,
		// Gephi's default: a cell far enough away stands for its nodes; 0.6 cost half as much again for no visible gain.
		barnesHutTheta: 1.2
	};
	const read = () => {
		const out = new Float64Array(count * 2);
		for (let i = 0; i < count; i++) {
			out[2 * i] = nodes[i * NODE_FIELDS]!;
			out[2 * i + 1] = nodes[i * NODE_FIELDS + 1]!;
		}
		return out;
	};
	for (let done = 0; done < total; ) {
		const step = Math.min(batch, total - done);
		for (let i = 0; i < step; i++) iterate(settings, nodes, edges);
		done += step;
		yield { positions: read(), done, total };
	}
}

/** fCoSE options for a headless run on boxes that already include labels. */
export function fcoseOptions(): LayoutOptions {
	return {
		name: 'fcose',
		animate: false,
		fit: false,
		quality: 'default',
		randomize: true,
		nodeDimensionsIncludeLabels: false,
		// Hubs with many parallel ties pull hard: weak springs and moderate repulsion keep the graph compact yet apart.
		idealEdgeLength: 80,
		nodeRepulsion: 12000,
		edgeElasticity: 0.1,
		gravity: 0.25,
		packComponents: true
	} as LayoutOptions;
}

/**
 * fCoSE on a headless Cytoscape whose nodes are the label-including boxes. Its spectral start draws random
 * samples: Math.random is seeded for the run, so the same graph always gives the same picture.
 */
export function fcoseLayout(cytoscape: typeof cytoscapeFactory, input: ForceLayoutInput, seed = 1): Float64Array {
	const { count, pairs, positions, sizes } = input;
	const elements: cytoscapeFactory.ElementDefinition[] = [];
	for (let i = 0; i < count; i++) {
		elements.push({ group: 'nodes', data: { id: `n${i}`, w: sizes[2 * i]!, h: sizes[2 * i + 1]! }, position: { x: positions[2 * i]!, y: positions[2 * i + 1]! } });
	}
	for (let e = 0; e < pairs.length / 2; e++) elements.push({ group: 'edges', data: { id: `e${e}`, source: `n${pairs[2 * e]}`, target: `n${pairs[2 * e + 1]}` } });
	const cy = cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }] });
	const random = Math.random;
	Math.random = seededRandom(seed);
	try {
		cy.layout(fcoseOptions()).run();
	} finally {
		Math.random = random;
	}
	const out = new Float64Array(count * 2);
	cy.nodes().forEach((node) => {
		const i = Number(node.id().slice(1));
		out[2 * i] = node.position('x');
		out[2 * i + 1] = node.position('y');
	});
	cy.destroy();
	return out;
}

/** Pushes overlapping boxes apart (see overlap.ts); returns the moved centres in place of the old ones. */
export function separate(positions: Float64Array, sizes: Float64Array): Float64Array {
	const count = positions.length / 2;
	const boxes = Array.from({ length: count }, (_, i) => {
		const [x, y, w, h] = [positions[2 * i]!, positions[2 * i + 1]!, sizes[2 * i]!, sizes[2 * i + 1]!];
		return { id: String(i), x, y, x1: x - w / 2, x2: x + w / 2, y1: y - h / 2, y2: y + h / 2 };
	});
	const out = positions.slice();
	for (const [id, to] of separateBoxes(boxes)) {
		out[2 * Number(id)] = to.x;
		out[2 * Number(id) + 1] = to.y;
	}
	return out;
}
