// Structural balance: every signed triangle (cooperation +, friction -) and whether the product of its signs is +.
// A pair tied both ways (e.g. trade and a history dispute) has a + side and a - side: each combination is its own
// triangle, so the tension shows up as one balanced and one unbalanced reading instead of being netted away.
import type { Dataset } from '../model';
import { layerGraph, type LayerSpec } from './layer';
import { TopList } from './top-list';

export type Sign = 1 | -1;

export interface SignedSide {
	source: string;
	target: string;
	sign: Sign;
	/** the dataset edges of this sign between the pair */
	edgeIds: string[];
}

export interface SignedTriangle {
	nodes: [string, string, string];
	/** sides a-b, a-c, b-c for nodes [a, b, c] */
	sides: [SignedSide, SignedSide, SignedSide];
	balanced: boolean;
}

export interface BalanceReport {
	/** signed triangles in all: balanced + unbalanced */
	total: number;
	balanced: number;
	unbalanced: number;
	/** balanced / all triangles; null when there is no triangle */
	shareBalanced: number | null;
	/** the first `limit` unbalanced triangles, in node-id order (`unbalanced` counts them all) */
	unbalancedTriangles: SignedTriangle[];
	/** pairs tied both ways, each of which doubles its triangles */
	mixedPairs: Array<{ source: string; target: string; cooperation: string[]; friction: string[] }>;
	/** nodes and edges of the listed unbalanced triangles, for the graph */
	highlight: { nodes: string[]; edgeIds: string[] };
}

/** Balance over a layer's ties of both signs (its kind is ignored: cooperation and friction both count). */
export function structuralBalance(dataset: Dataset, spec: LayerSpec, options: { limit?: number } = {}): BalanceReport {
	const limit = options.limit ?? 30;
	const positive = layerGraph(dataset, { ...spec, kind: 'cooperation' });
	const negative = layerGraph(dataset, { ...spec, kind: 'friction' });
	const nodes = positive.nodes;
	const n = nodes.length;
	const sides = new Map<number, SignedSide[]>();
	const neighbours: Array<Set<number>> = nodes.map(() => new Set());
	for (const [graph, sign] of [
		[positive, 1],
		[negative, -1]
	] as const)
		for (const tie of graph.ties) {
			const key = tie.source * n + tie.target;
			sides.set(key, [...(sides.get(key) ?? []), { source: nodes[tie.source]!, target: nodes[tie.target]!, sign, edgeIds: tie.edgeIds }]);
			neighbours[tie.source]!.add(tie.target);
			neighbours[tie.target]!.add(tie.source);
		}
	const sidesOf = (a: number, b: number) => sides.get(a * n + b)!;

	// Node-id order, the first `limit` kept: the list reads the same whatever order the dataset lists nodes in.
	const key = (triangle: SignedTriangle) => triangle.nodes.join('\u0000');
	const listed = new TopList<SignedTriangle>(limit, (x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
	let total = 0;
	let unbalanced = 0;
	for (let a = 0; a < n; a++)
		for (const b of neighbours[a]!) {
			if (b <= a) continue;
			for (const c of neighbours[b]!) {
				if (c <= b || !neighbours[a]!.has(c)) continue;
				for (const ab of sidesOf(a, b))
					for (const ac of sidesOf(a, c))
						for (const bc of sidesOf(b, c)) {
							total++;
							if (ab.sign * ac.sign * bc.sign > 0) continue;
							unbalanced++;
							const last = listed.last();
							if (!last || `${nodes[a]}\u0000${nodes[b]}\u0000${nodes[c]}` < key(last))
								listed.offer({ nodes: [nodes[a]!, nodes[b]!, nodes[c]!], sides: [ab, ac, bc], balanced: false });
						}
			}
		}
	const unbalancedTriangles = listed.items();
	const balanced = total - unbalanced;
	const mixedPairs = [...sides.values()]
		.filter((pair) => pair.length === 2)
		.map(([cooperation, friction]) => ({ source: cooperation!.source, target: cooperation!.target, cooperation: cooperation!.edgeIds, friction: friction!.edgeIds }));
	return {
		total,
		balanced,
		unbalanced,
		shareBalanced: total ? balanced / total : null,
		unbalancedTriangles,
		mixedPairs,
		highlight: {
			nodes: [...new Set(unbalancedTriangles.flatMap((triangle) => triangle.nodes))],
			edgeIds: [...new Set(unbalancedTriangles.flatMap((triangle) => triangle.sides.flatMap((side) => side.edgeIds)))]
		}
	};
}
