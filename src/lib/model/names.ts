import type { DatasetNode } from './types';

/** A node's name inside a sentence: its textName ("the United States"), else its label. */
export function nameInText(node: Pick<DatasetNode, 'label' | 'textName'>): string {
	return node.textName ?? node.label;
}
