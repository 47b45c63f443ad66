import type { DatasetNode } from './types';

/** A node's name inside a sentence: its textName ("the United States"), else its label. */
export function nameInText(node: Pick<DatasetNode, 'label' | 'textName'>): string {
	return node.textName ?? node.label;
}

const OPENS_EMBEDDING = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const OPENS_ISOLATE = new Set(['\u2066', '\u2067', '\u2068']);
const [PDF, PDI] = ['\u202C', '\u2069'];

/**
 * The text with every direction control it leaves open closed at its end (Unicode's bidirectional algorithm, UAX #9:
 * an embedding or override ends at a PDF, an isolate at a PDI, both at the end of a paragraph). A label holding a
 * right-to-left override and no PDF would otherwise reverse the rest of any sentence it stands in ("…tsetrohs a no seil").
 * The closers are invisible, and text that closes what it opens comes back unchanged.
 */
export function closeDirections(text: string): string {
	const open: Array<'embedding' | 'isolate'> = [];
	for (const char of text) {
		if (OPENS_EMBEDDING.has(char)) open.push('embedding');
		else if (OPENS_ISOLATE.has(char)) open.push('isolate');
		// A PDF closes the last embedding opened since the last open isolate; a PDI that isolate and all opened after it.
		else if (char === PDF && open.at(-1) === 'embedding') open.pop();
		else if (char === PDI && open.includes('isolate')) open.splice(open.lastIndexOf('isolate'));
		else if (char === '\n' || char === '\r' || char === '\u2029') open.length = 0;
	}
	return open.length ? text + open.reverse().map((kind) => (kind === 'embedding' ? PDF : PDI)).join('') : text;
}

/** Text set apart in a line of other text (first-strong isolate … pop directional isolate): its direction stays its own. */
export function isolate(text: string): string {
	return `\u2068${text}${PDI}`;
}
