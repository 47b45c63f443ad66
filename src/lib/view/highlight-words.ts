// What the graph lights up, in the words the legend and the export caption both use: a measure's ties, the broker and
// the ties through which it bridges, a path, unbalanced triangles, what-if removals, a scenario's added ties, the
// bridge view.
export type LitView =
	| { kind: 'measure'; title: string }
	| { kind: 'broker'; broker: string }
	| { kind: 'balance'; triangles: number }
	| { kind: 'triad'; nodes: readonly string[] }
	| { kind: 'path'; from: string; to: string }
	| { kind: 'whatif'; removed: readonly string[] }
	| { kind: 'scenario'; ties: number }
	| { kind: 'bridge'; a: string; b: string; broker: string; forums: number };

/** "a, b and c" */
export function joinWords(words: readonly string[]): string {
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function highlightWords(lit: LitView): string {
	switch (lit.kind) {
		case 'measure':
			return `the ties of the measure “${lit.title}”`;
		case 'broker':
			return `${lit.broker} and the ties through which it bridges`;
		case 'balance':
			return `the ${plural(lit.triangles, 'unbalanced triangle', 'unbalanced triangles')}`;
		case 'triad':
			return `the unbalanced triangle ${lit.nodes.join(' – ')}`;
		case 'path':
			return `the shortest path from ${lit.from} to ${lit.to}`;
		case 'whatif':
			return `what is taken out: ${joinWords(lit.removed)}`;
		case 'scenario':
			return `the ${plural(lit.ties, 'tie', 'ties')} the brief's proposals add`;
		case 'bridge': {
			const forums = lit.forums ? ` and the ${plural(lit.forums, 'forum', 'forums')} all three are tied to` : '';
			return `${lit.a}, ${lit.b}, ${lit.broker}${forums}, with the ties among them`;
		}
	}
}

/** The bridge view as its bar and the caption name it: "Japan – South Korea, broker United States, defense". */
export function bridgeWords(a: string, b: string, broker: string, field: string | null): string {
	return `${a} – ${b}, broker ${broker}, ${field ?? 'every field'}`;
}
