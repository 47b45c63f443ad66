// What the graph lights up, in the words the legend and the export caption both use: a measure's ties, the broker and
// the ties through which it bridges, a path, unbalanced triangles, what-if removals, a scenario's added ties, the
// bridge view.
import { count, joinWords } from '$lib/analysis/format';

export type LitView =
	| { kind: 'measure'; title: string }
	| { kind: 'broker'; broker: string }
	| { kind: 'balance'; triangles: number }
	| { kind: 'triad'; nodes: readonly string[] }
	| { kind: 'path'; from: string; to: string }
	| { kind: 'whatif'; removed: readonly string[] }
	| { kind: 'scenario'; ties: number }
	| { kind: 'bridge'; a: string; b: string; broker: string; forums: number };

export function highlightWords(lit: LitView): string {
	switch (lit.kind) {
		case 'measure':
			return `the ties of the measure “${lit.title}”`;
		case 'broker':
			return `${lit.broker} and the ties through which it bridges`;
		case 'balance':
			return `the ${count(lit.triangles, 'unbalanced triangle')}`;
		case 'triad':
			return `the unbalanced triangle ${lit.nodes.join(' – ')}`;
		case 'path':
			return `the shortest path from ${lit.from} to ${lit.to}`;
		case 'whatif':
			return `what is taken out: ${joinWords(lit.removed)}`;
		case 'scenario':
			return `the ${count(lit.ties, 'tie')} the brief's proposals add`;
		case 'bridge': {
			const forums = lit.forums ? ` and the ${count(lit.forums, 'forum')} all three are tied to` : '';
			return `${lit.a}, ${lit.b}, ${lit.broker}${forums}, with the ties among them`;
		}
	}
}

/** The bridge view as its bar and the caption name it: "Japan – South Korea, broker United States, defense". */
export function bridgeWords(a: string, b: string, broker: string, field: string | null): string {
	return `${a} – ${b}, broker ${broker}, ${field ?? 'every field'}`;
}
