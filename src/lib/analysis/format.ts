// How analysis numbers read everywhere (panels, headlines, the bridge paragraph, the CLI's table): one rounding rule.
// Metric values to three decimals, shares as whole percents (never rounded to 0% or 100% when they are not), a dash
// where a value is undefined.
export function formatMetric(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	// Below 1e-12 a value is floating-point noise around 0 (an isolated node's eigenvector score, say).
	if (Math.abs(value) < 1e-12) return '0';
	if (Number.isInteger(value)) return String(value);
	const rounded = Number(value.toFixed(3));
	if (rounded === 0) return value > 0 ? '<0.001' : '>-0.001';
	return String(rounded);
}

export function formatShare(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	const percent = Math.round(value * 100);
	if (percent === 0 && value > 0) return '<1%';
	if (percent === 100 && value < 1) return '>99%';
	return `${percent}%`;
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(rank: number): string {
	const tens = rank % 100;
	const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
	return `${rank}${suffix}`;
}

/**
 * A rank in words: "3rd of 31", "joint 3rd of 31, with 2 others", "joint 1st of 5,000, with all the others";
 * "—" when the node has no value.
 */
export function rankWords({ rank, of, tiedWith }: { rank: number | null; of: number; tiedWith: number }): string {
	if (rank === null) return '—';
	const place = `${ordinal(rank)} of ${whole(of)}`;
	if (tiedWith === 0) return place;
	return `joint ${place}, with ${tiedWith + 1 === of ? 'all the others' : count(tiedWith, 'other')}`;
}

/** "a", "a and b", "a, b and c" (or another conjunction and separator). */
export function joinWords(words: readonly string[], conjunction = 'and', separator = ', '): string {
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(separator)} ${conjunction} ${words.at(-1)}`;
}

/** A network's size in words: "31 nodes, 123 edges". */
export function sizeWords(nodes: number, edges: number): string {
	return `${count(nodes, 'node')}, ${count(edges, 'edge')}`;
}

/** A whole number with thousands separators: "20,708,500". */
export function whole(n: number): string {
	return n.toLocaleString('en');
}

/** A count in words: "1 pair", "3 pairs", "10,000 nodes". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
	return `${whole(n)} ${n === 1 ? noun : plural}`;
}
