// Structural balance: every signed triangle (cooperation +, friction -) and whether the product of its signs is +.
// A pair tied both ways (e.g. trade and a history dispute) has a + side and a - side: each combination is its own
// triangle, so the tension shows up as one balanced and one unbalanced reading instead of being netted away.
import type { Dataset } from '../model';
import { layerGraph, type LayerOptions } from './layer';

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
	triangles: SignedTriangle[];
	balanced: number;
	unbalanced: number;
	/** balanced / all triangles; null when there is no triangle */
	shareBalanced: number | null;
	unbalancedTriangles: SignedTriangle[];
	/** pairs tied both ways, each of which doubles its triangles */
	mixedPairs: Array<{ source: string; target: string; cooperation: string[]; friction: string[] }>;
	/** nodes and edges of the unbalanced triangles, for the graph */
	highlight: { nodes: string[]; edgeIds: string[] };
}

/** Balance over the dataset's ties (by default every tie that is not proposed; `layer` is ignored: both signs count). */
export function structuralBalance(dataset: Dataset, options: Omit<LayerOptions, 'layer' | 'weighted'> = {}): BalanceReport {
	const positive = layerGraph(dataset, { ...options, layer: 'cooperation' });
	const negative = layerGraph(dataset, { ...options, layer: 'friction' });
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

	const triangles: SignedTriangle[] = [];
	for (let a = 0; a < n; a++)
		for (const b of neighbours[a]!) {
			if (b <= a) continue;
			for (const c of neighbours[b]!) {
				if (c <= b || !neighbours[a]!.has(c)) continue;
				for (const ab of sidesOf(a, b))
					for (const ac of sidesOf(a, c))
						for (const bc of sidesOf(b, c))
							triangles.push({ nodes: [nodes[a]!, nodes[b]!, nodes[c]!], sides: [ab, ac, bc], balanced: ab.sign * ac.sign * bc.sign > 0 });
			}
		}
	triangles.sort((x, y) => x.nodes.join('\u0000').localeCompare(y.nodes.join('\u0000')));
	const unbalancedTriangles = triangles.filter((triangle) => !triangle.balanced);
	const balanced = triangles.length - unbalancedTriangles.length;
	const mixedPairs = [...sides.values()]
		.filter((pair) => pair.length === 2)
		.map(([cooperation, friction]) => ({ source: cooperation!.source, target: cooperation!.target, cooperation: cooperation!.edgeIds, friction: friction!.edgeIds }));
	return {
		triangles,
		balanced,
		unbalanced: unbalancedTriangles.length,
		shareBalanced: triangles.length ? balanced / triangles.length : null,
		unbalancedTriangles,
		mixedPairs,
		highlight: {
			nodes: [...new Set(unbalancedTriangles.flatMap((triangle) => triangle.nodes))],
			edgeIds: [...new Set(unbalancedTriangles.flatMap((triangle) => triangle.sides.flatMap((side) => side.edgeIds)))]
		}
	};
}
