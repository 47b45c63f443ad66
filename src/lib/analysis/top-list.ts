// TopList: the first `limit` items in a comparator's order out of a stream of any length, in O(limit) memory.
// Among equals the earlier offer stays ahead, as a stable sort of the whole stream would keep it.
export class TopList<T> {
	readonly #items: T[] = [];

	constructor(
		private readonly limit: number,
		private readonly compare: (a: T, b: T) => number
	) {
		if (!(limit >= 0)) throw new Error(`TopList: limit must be a number >= 0, not ${limit}`);
	}

	offer(item: T): void {
		const items = this.#items;
		if (items.length >= this.limit && (items.length === 0 || this.compare(item, items[items.length - 1]!) >= 0)) return;
		// First position whose item sorts strictly after the new one: equals stay ahead of it.
		let low = 0;
		let high = items.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.compare(items[mid]!, item) <= 0) low = mid + 1;
			else high = mid;
		}
		items.splice(low, 0, item);
		if (items.length > this.limit) items.pop();
	}

	/** The item a new one must beat once the list is full; undefined while there is room. */
	last(): T | undefined {
		return this.#items.length >= this.limit ? this.#items[this.#items.length - 1] : undefined;
	}

	items(): T[] {
		return [...this.#items];
	}
}
