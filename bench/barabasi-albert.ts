// barabasiAlbert: the preferential-attachment graph networkx.barabasi_albert_graph builds (a star of m + 1
// nodes, then each new node links to m distinct nodes drawn in proportion to degree), with a seeded generator.
import { seededRandom } from '../src/lib/analysis/random';

export interface EdgeList {
	n: number;
	edges: Array<[number, number]>;
}

export function barabasiAlbert(n: number, m: number, seed: number): EdgeList {
	if (m < 1 || m >= n) throw new Error(`barabasiAlbert: need 1 <= m < n, got n=${n}, m=${m}`);
	const random = seededRandom(seed);
	const edges: Array<[number, number]> = [];
	const repeated: number[] = [];
	for (let leaf = 1; leaf <= m; leaf++) {
		edges.push([0, leaf]);
		repeated.push(0, leaf);
	}
	for (let source = m + 1; source < n; source++) {
		const targets = new Set<number>();
		while (targets.size < m) targets.add(repeated[Math.floor(random() * repeated.length)]!);
		for (const target of targets) {
			edges.push([source, target]);
			repeated.push(source, target);
		}
	}
	return { n, edges };
}
