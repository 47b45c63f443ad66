// How many cooperation and friction ties each node has among some edges (the Table view's columns), in a Map:
// node ids come from users' files, and an id such as "__proto__" must count like any other.
import type { DatasetEdge, EdgeKind } from '$lib/model';

export type TieCounts = Record<EdgeKind, number>;

export function tieCounts(edges: Iterable<Pick<DatasetEdge, 'source' | 'target' | 'kind'>>): Map<string, TieCounts> {
	const counts = new Map<string, TieCounts>();
	for (const edge of edges) {
		for (const end of new Set([edge.source, edge.target])) {
			const count = counts.get(end) ?? { cooperation: 0, friction: 0 };
			count[edge.kind === 'friction' ? 'friction' : 'cooperation'] += 1;
			counts.set(end, count);
		}
	}
	return counts;
}
