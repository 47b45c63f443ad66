// SingleSourcePaths: breadth-first (unweighted) or Dijkstra (weighted, lengths 1/strength) search from one
// node over a Csr, counting shortest paths; the buffers are reused from source to source.
import type { Csr } from './csr';

export class SingleSourcePaths {
	readonly csr: Csr;
	/** distance from the source; Infinity when unreached */
	readonly dist: Float64Array;
	/** number of shortest paths from the source */
	readonly sigma: Float64Array;
	/** reached nodes in order of non-decreasing distance; the first `reached` entries are valid */
	readonly order: Int32Array;
	reached = 0;
	source = -1;
	private readonly heap: MinHeap;
	private readonly done: Uint8Array;
	private readonly sums: Float64Array;

	constructor(csr: Csr) {
		this.csr = csr;
		this.dist = new Float64Array(csr.n).fill(Infinity);
		this.sigma = new Float64Array(csr.n);
		this.order = new Int32Array(csr.n);
		this.heap = new MinHeap(csr.weighted ? csr.targets.length + 1 : 0);
		this.done = new Uint8Array(csr.weighted ? csr.n : 0);
		this.sums = new Float64Array(csr.weighted ? 0 : csr.n);
	}

	run(source: number): this {
		const { dist, sigma, order } = this;
		for (let i = 0; i < this.reached; i++) {
			const v = order[i]!;
			dist[v] = Infinity;
			sigma[v] = 0;
		}
		this.source = source;
		if (this.csr.weighted) this.dijkstra(source);
		else this.bfs(source);
		return this;
	}

	/** True when the tie at CSR position `e`, from `v` to `w`, lies on a shortest path from the source. */
	onShortestPath(v: number, w: number, e: number): boolean {
		return this.dist[v]! + this.csr.lengths[e]! === this.dist[w]!;
	}

	// By whole levels, as the path-centrality kernel does: a node's sigma is the sum of sigma over all its neighbours,
	// read while its level is summed (parents are final; same-level and undiscovered nodes are still 0), and written
	// after; one pass over each node's ties and no branch on distance.
	private bfs(source: number): void {
		const { offsets, targets } = this.csr;
		const { dist, sigma, order } = this;
		const sums = this.sums;
		dist[source] = 0;
		sigma[source] = 1;
		order[0] = source;
		let tail = 1;
		for (let e = offsets[source]!, end = offsets[source + 1]!; e < end; e++) {
			const w = targets[e]!;
			dist[w] = 1;
			order[tail++] = w;
		}
		let a = 1;
		let level = 1;
		while (a < tail) {
			const b = tail;
			const next = level + 1;
			for (let i = a; i < b; i++) {
				const w = order[i]!;
				let acc = 0;
				for (let e = offsets[w]!, end = offsets[w + 1]!; e < end; e++) {
					const x = targets[e]!;
					acc += sigma[x]!;
					if (dist[x] === Infinity) {
						dist[x] = next;
						order[tail++] = x;
					}
				}
				sums[i] = acc;
			}
			for (let i = a; i < b; i++) sigma[order[i]!] = sums[i]!;
			a = b;
			level = next;
		}
		this.reached = tail;
	}

	// Same relaxation as networkx's _single_source_dijkstra_path_basic: a tie counts when dist[v] + w equals dist[w] exactly.
	private dijkstra(source: number): void {
		const { offsets, targets, lengths } = this.csr;
		const { dist, sigma, order, heap, done } = this;
		for (let i = 0; i < this.reached; i++) done[order[i]!] = 0;
		heap.clear();
		dist[source] = 0;
		sigma[source] = 1;
		heap.push(0, source);
		let count = 0;
		while (heap.size > 0) {
			const d = heap.topKey();
			const v = heap.pop();
			if (done[v] || d > dist[v]!) continue;
			done[v] = 1;
			order[count++] = v;
			const sv = sigma[v]!;
			for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
				const w = targets[e]!;
				if (done[w]) continue;
				const nd = d + lengths[e]!;
				const dw = dist[w]!;
				if (nd < dw) {
					dist[w] = nd;
					sigma[w] = sv;
					heap.push(nd, w);
				} else if (nd === dw) sigma[w]! += sv;
			}
		}
		this.reached = count;
	}
}

/** Binary min-heap of (key, node) on typed arrays; stale entries are skipped by the caller. */
export class MinHeap {
	private keys: Float64Array;
	private values: Int32Array;
	size = 0;

	constructor(capacity: number) {
		this.keys = new Float64Array(capacity);
		this.values = new Int32Array(capacity);
	}

	clear(): void {
		this.size = 0;
	}

	topKey(): number {
		return this.keys[0]!;
	}

	push(key: number, value: number): void {
		const { keys, values } = this;
		let i = this.size++;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (keys[parent]! <= key) break;
			keys[i] = keys[parent]!;
			values[i] = values[parent]!;
			i = parent;
		}
		keys[i] = key;
		values[i] = value;
	}

	pop(): number {
		const { keys, values } = this;
		const top = values[0]!;
		const last = --this.size;
		const key = keys[last]!;
		const value = values[last]!;
		let i = 0;
		for (;;) {
			let child = 2 * i + 1;
			if (child >= last) break;
			if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
			if (keys[child]! >= key) break;
			keys[i] = keys[child]!;
			values[i] = values[child]!;
			i = child;
		}
		keys[i] = key;
		values[i] = value;
		return top;
	}
}
