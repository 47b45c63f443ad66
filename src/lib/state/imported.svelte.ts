// The datasets imported in this browser as the page sees them: the list beside the bundled ones, the imported
// dataset the URL names, the last import's outcome, and the only ways they change (import, rename, delete).
import { sizeWords } from '$lib/analysis/format';
import type { BlobLike, ImportProblem } from '$lib/io';
import type { Dataset } from '$lib/model';
import { readImport } from '$lib/view/import-reader';
import { notLoaded } from '$lib/view/not-loaded';
import { loadChecks, type Checks } from './checks';
import { openImportedStore, type ImportedEntry, type ImportedStore } from './imported-store';

export class ImportedDatasets {
	entries: ImportedEntry[] = $state([]);
	/** the imported dataset the URL names, once read from IndexedDB */
	current: Dataset | null = $state.raw(null);
	/** why the named imported dataset cannot be shown */
	problem: string | null = $state(null);
	/** the last import's problems; the graph on screen stays as it was */
	problems: ImportProblem[] = $state([]);
	message: string | null = $state(null);
	busy = $state(false);

	#store: ImportedStore | undefined;
	#showing: string | null = null;
	/** the read under way: a second call for the same id waits for it rather than making a second copy */
	#reading: { id: string; done: Promise<void> } | null = null;

	private get store(): ImportedStore {
		return (this.#store ??= openImportedStore());
	}

	async refresh(): Promise<void> {
		this.entries = await this.store.list();
	}

	/** Reads the imported dataset with this id (null: none is wanted); one already on show (an edit's) is kept. */
	async show(id: string | null): Promise<void> {
		if (id !== null && this.#showing === id && this.current) return;
		// Two reads of one dataset would hand the graph two equal copies, the second looking like an edit of the first.
		if (id !== null && this.#showing === id && this.#reading?.id === id) return this.#reading.done;
		this.#showing = id;
		this.current = null;
		this.problem = null;
		if (id === null) return;
		const reading = { id, done: this.#read(id) };
		this.#reading = reading;
		try {
			await reading.done;
		} finally {
			if (this.#reading === reading) this.#reading = null;
		}
	}

	async #read(id: string): Promise<void> {
		const dataset = await this.store.get(id);
		if (this.#showing !== id) return;
		let checks: Checks;
		try {
			checks = await loadChecks();
		} catch {
			if (this.#showing === id) this.problem = `The imported dataset “${id}” cannot be shown: ${notLoaded('the dataset checks')}.`;
			return;
		}
		if (this.#showing !== id) return;
		// What an older version kept may not be a dataset (a GraphML graph key named __proto__ once replaced the network).
		const checked = dataset === undefined ? undefined : checks.parse.validateDataset(dataset, { curated: false });
		this.current = checked?.ok ? checked.dataset : null;
		if (!checked) this.problem = `This browser holds no imported dataset “${id}”: it may have been deleted. Import the file again, or choose another dataset.`;
		else if (!checked.ok) {
			const [first] = checked.problems;
			this.problem = `The imported dataset “${id}” kept in this browser is damaged (${first!.path}: ${first!.message}): choose another dataset, delete this one in the Import panel and import its file again.`;
		}
	}

	/** Reads and keeps the files as one dataset; its entry, or null with `problems` set when they cannot be read. */
	async importFiles(files: readonly BlobLike[]): Promise<ImportedEntry | null> {
		this.busy = true;
		this.message = null;
		this.problems = [];
		try {
			// The readers (XML, CSV) and the checks load with the first import, in the worker that reads the files and
			// keeps the dataset.
			const kept = await readImport(files, this.store);
			if (!kept.ok) {
				this.problems = kept.problems;
				this.message = `Nothing was imported: ${kept.problems.length === 1 ? 'a problem' : `${kept.problems.length} problems`} in ${files.map((file) => file.name).join(', ')}.`;
				return null;
			}
			const { dataset, entry } = kept;
			// The page opens it next: it is shown as read and checked here, not read back and checked again (at 10,000
			// nodes and 50,000 ties that was a second of the page held in one task).
			this.#showing = entry.id;
			this.current = dataset;
			await this.refresh();
			this.message = `Imported “${entry.title}”: ${sizeWords(entry.nodes, entry.edges)}.`;
			return entry;
		} catch (error) {
			this.problems = files.map((file) => ({ file: file.name, message: error instanceof Error ? error.message : String(error) }));
			this.message = 'Nothing was imported.';
			return null;
		} finally {
			this.busy = false;
		}
	}

	/** Keeps the first edit of a bundled dataset as a new dataset in this browser, and shows it. */
	async addEditedCopy(dataset: Dataset, editedFrom: { id: string; title: string }): Promise<ImportedEntry> {
		const entry = await this.store.add(dataset, [], { editedFrom });
		this.#showing = entry.id;
		this.current = dataset;
		await this.refresh();
		return entry;
	}

	#writes: Promise<unknown> = Promise.resolve();

	/** Shows an edit of the dataset with this id at once and keeps it; writes go in order, so the last edit is the one kept. */
	replace(id: string, dataset: Dataset): Promise<void> {
		if (this.#showing === id) this.current = dataset;
		const write = this.#writes.then(() => this.store.put(id, dataset));
		this.#writes = write.catch(() => undefined);
		return write.then(() => this.refresh());
	}

	async rename(id: string, title: string): Promise<void> {
		const entry = await this.store.rename(id, title);
		if (this.current && this.#showing === id) this.current = { ...this.current, meta: { ...this.current.meta, title } };
		await this.refresh();
		this.message = `Renamed to “${entry.title}”.`;
	}

	async remove(id: string): Promise<void> {
		const title = this.entries.find((entry) => entry.id === id)?.title ?? id;
		await this.store.remove(id);
		await this.refresh();
		this.message = `Deleted “${title}” from this browser.`;
	}
}

export const importedDatasets = new ImportedDatasets();
