// A dataset under edit and its undo and redo: snapshots, with no checks of their own (those are in edit.ts, which
// starts and extends a history), so the page can offer undo and redo without loading the dataset checks.
import type { Dataset } from './types';

interface HistoryStep {
	/** the dataset on the other side of the change */
	dataset: Dataset;
	/** what the change did, in words */
	summary: string;
}

/** A dataset under edit with the changes that can be undone and redone (snapshots: unchanged parts are shared). */
export interface EditHistory {
	readonly present: Dataset;
	/** the most recent change last: its dataset is the one before it */
	readonly past: readonly HistoryStep[];
	/** the next change to redo last: its dataset is the one after it */
	readonly future: readonly HistoryStep[];
	readonly curated: boolean;
}

/** The history one change back, or null when there is nothing to undo. */
export function undo(history: EditHistory): EditHistory | null {
	const step = history.past.at(-1);
	if (!step) return null;
	return { ...history, present: step.dataset, past: history.past.slice(0, -1), future: [...history.future, { dataset: history.present, summary: step.summary }] };
}

/** The history one change forward, or null when there is nothing to redo. */
export function redo(history: EditHistory): EditHistory | null {
	const step = history.future.at(-1);
	if (!step) return null;
	return { ...history, present: step.dataset, future: history.future.slice(0, -1), past: [...history.past, { dataset: history.present, summary: step.summary }] };
}

/** What undo and redo would do, for their buttons: null when there is nothing. */
export function nextSteps(history: EditHistory | undefined): { undo: string | null; redo: string | null } {
	return { undo: history?.past.at(-1)?.summary ?? null, redo: history?.future.at(-1)?.summary ?? null };
}
