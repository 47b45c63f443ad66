// The edits made in this page: each dataset's undo and redo, and where an edit is kept. A bundled dataset is never
// changed: its first edit becomes an edited copy in this browser (a `local:` id); an imported one changes where it is kept.
// The checks an edit needs load with the editor (`load`), not with the page; undo and redo need none.
import { SvelteMap } from 'svelte/reactivity';
import type { Dataset } from '$lib/model';
import type { EditOperation, EditProblem } from '$lib/model/edit';
import { nextSteps, redo, undo, type EditHistory } from '$lib/model/edit-history';
import { loadChecks } from './checks';
import { isLocalId } from './imported-store';
import { importedDatasets, type ImportedDatasets } from './imported.svelte';

export type EditOutcome = { ok: true; datasetId: string } | { ok: false; problems: EditProblem[] };

export class DatasetEditor {
	/** what the last edit, undo or redo did, in words, and to which dataset */
	#message: { id: string; text: string } | null = $state(null);
	#histories = new SvelteMap<string, EditHistory>();
	/** the contract each dataset shown meets, found once (it validates the whole dataset) */
	#curated = new WeakMap<Dataset, boolean>();

	/** the edit checks, once loaded */
	#checks: typeof import('$lib/model/edit') | null = null;

	constructor(private readonly kept: ImportedDatasets = importedDatasets) {}

	/** Loads the checks edits need; `curated` may be asked once it has resolved. */
	async load(): Promise<void> {
		this.#checks ??= (await loadChecks()).edit;
	}

	get #loaded(): typeof import('$lib/model/edit') {
		if (!this.#checks) throw new Error('the editor is not loaded yet');
		return this.#checks;
	}

	/** The history of the dataset on show; one that no longer matches it (a rename, a reload) starts afresh. */
	#history(id: string, dataset: Dataset): EditHistory {
		const known = this.#histories.get(id);
		return known?.present === dataset ? known : this.#loaded.startHistory(dataset, this.curated(id, dataset));
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

	/** Whether edits must keep the curated contract (every tie with kind, domain, status and evidence); once loaded. */
	curated(id: string, dataset: Dataset): boolean {
		const known = this.#histories.get(id);
		if (known?.present === dataset) return known.curated;
		let curated = this.#curated.get(dataset);
		if (curated === undefined) this.#curated.set(dataset, (curated = this.#loaded.meetsCuratedContract(dataset)));
		return curated;
	}

	/** Applies one change; a bundled dataset's first edit comes back under the id of its new edited copy. */
	async edit(id: string, dataset: Dataset, operations: readonly EditOperation[]): Promise<EditOutcome> {
		await this.load();
		const committed = this.#loaded.commit(this.#history(id, dataset), operations);
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
