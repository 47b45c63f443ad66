// The edits made in this page: each dataset's undo and redo, and where an edit is kept. A bundled dataset is never
// changed: its first edit becomes an edited copy in this browser (a `local:` id); an imported one changes where it is kept.
import { SvelteMap } from 'svelte/reactivity';
import type { Dataset } from '$lib/model';
import { commit, meetsCuratedContract, nextSteps, redo, startHistory, undo, type EditHistory, type EditOperation, type EditProblem } from '$lib/model/edit';
import { isLocalId } from './imported-store';
import { importedDatasets, type ImportedDatasets } from './imported.svelte';

export type EditOutcome = { ok: true; datasetId: string } | { ok: false; problems: EditProblem[] };

export class DatasetEditor {
	/** what the last edit, undo or redo did, in words, and to which dataset */
	#message: { id: string; text: string } | null = $state(null);
	#histories = new SvelteMap<string, EditHistory>();
	/** the contract each dataset shown meets, found once (it validates the whole dataset) */
	#curated = new WeakMap<Dataset, boolean>();

	constructor(private readonly kept: ImportedDatasets = importedDatasets) {}

	/** The history of the dataset on show; one that no longer matches it (a rename, a reload) starts afresh. */
	#history(id: string, dataset: Dataset): EditHistory {
		const known = this.#histories.get(id);
		return known?.present === dataset ? known : startHistory(dataset, this.curated(id, dataset));
	}

	/** What the last edit, undo or redo of this dataset did, in words. */
	messageFor(id: string | null): string | null {
		return this.#message && this.#message.id === id ? this.#message.text : null;
	}

	/** What undo and redo would do for this dataset, for their buttons. */
	steps(id: string | null, dataset: Dataset | null): { undo: string | null; redo: string | null } {
		const history = id === null ? undefined : this.#histories.get(id);
		return nextSteps(history && history.present === dataset ? history : undefined);
	}

	/** Whether edits must keep the curated contract (every tie with kind, domain, status and evidence). */
	curated(id: string, dataset: Dataset): boolean {
		const known = this.#histories.get(id);
		if (known?.present === dataset) return known.curated;
		let curated = this.#curated.get(dataset);
		if (curated === undefined) this.#curated.set(dataset, (curated = meetsCuratedContract(dataset)));
		return curated;
	}

	/** Applies one change; a bundled dataset's first edit comes back under the id of its new edited copy. */
	async edit(id: string, dataset: Dataset, operations: readonly EditOperation[]): Promise<EditOutcome> {
		const committed = commit(this.#history(id, dataset), operations);
		if (!committed.ok) return committed;
		const { history, change } = committed;
		let kept = id;
		if (isLocalId(id)) this.#keep(id, history.present);
		else kept = (await this.kept.addEditedCopy(history.present, { id, title: dataset.meta.title })).id;
		this.#histories.set(kept, history);
		this.#message = { id: kept, text: `${change.summary}.` };
		return { ok: true, datasetId: kept };
	}

	/** Takes back the last change to this dataset; false when there is none. */
	undo(id: string | null): boolean {
		return this.#step(id, undo, 'Undone');
	}

	/** Makes the last change taken back again; false when there is none. */
	redo(id: string | null): boolean {
		return this.#step(id, redo, 'Redone');
	}

	#step(id: string | null, move: (history: EditHistory) => EditHistory | null, done: string): boolean {
		const history = id === null ? undefined : this.#histories.get(id);
		const moved = history && move(history);
		if (!id || !history || !moved) return false;
		const summary = (done === 'Undone' ? history.past.at(-1) : history.future.at(-1))?.summary;
		this.#histories.set(id, moved);
		this.#keep(id, moved.present);
		this.#message = { id, text: `${done}: ${summary}.` };
		return true;
	}

	#keep(id: string, dataset: Dataset) {
		this.kept.replace(id, dataset).catch((error: unknown) => {
			this.#message = { id, text: `The change is on screen but could not be kept in this browser: ${error instanceof Error ? error.message : String(error)}` };
		});
	}
}

export const datasetEditor = new DatasetEditor();
