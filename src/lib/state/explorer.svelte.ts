// The explorer's state: the view lives in the URL (so links and back/forward reproduce it); this class reads it,
// derives what is on show, and changes it only by navigating.
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { page } from '$app/state';
import type { Dataset } from '$lib/model';
import { applyFilter, egoNetwork, type FilterState, type GraphView } from '$lib/view/filter';
import { parseView, viewHref, DEFAULT_VIEW, type Selection, type ViewState } from './url';

const EMPTY: GraphView = { nodes: new Set(), edges: new Set() };

export class Explorer {
	readonly view: ViewState = $derived(parseView(page.url.searchParams));
	/** what the filters and the time slider show */
	readonly filtered: GraphView = $derived.by(() => {
		const dataset = this.dataset();
		return dataset ? applyFilter(dataset, this.view.filter) : EMPTY;
	});
	/** what is on screen: the filtered view, narrowed to the ego network in focus */
	readonly shown: GraphView = $derived.by(() => {
		const dataset = this.dataset();
		const { focus, hops } = this.view;
		return dataset && focus ? egoNetwork(dataset, this.filtered, focus, hops) : this.filtered;
	});
	/** the element the graph should bring to the centre; `at` tells repeated requests apart */
	centre: { id: string; at: number } | null = $state(null);

	constructor(
		private readonly dataset: () => Dataset | null,
		private readonly datasetId: () => string | null
	) {}

	/** The view asked for while its navigation is under way: the URL lags, so a change made meanwhile builds on this. */
	#pending: ViewState | null = null;

	/** Changes the view; `push` adds a history entry (selections), `replace` does not (filters, slider). */
	go(change: Partial<ViewState>, history: 'push' | 'replace' = 'replace'): Promise<void> {
		const next: ViewState = { ...(this.#pending ?? this.view), ...change, dataset: change.dataset ?? this.datasetId() };
		this.#pending = next;
		return goto(this.link(next), { replaceState: history === 'replace', keepFocus: true, noScroll: true }).finally(() => {
			if (this.#pending === next) this.#pending = null;
		});
	}

	select(selection: Selection | null, options: { centre?: boolean } = {}): Promise<void> {
		if (selection && options.centre) this.centre = { id: selection.id, at: Date.now() };
		return this.go({ selection }, 'push');
	}

	setFilter(change: Partial<FilterState>): Promise<void> {
		return this.go({ filter: { ...(this.#pending ?? this.view).filter, ...change } });
	}

	/** A link to the view with this selection, for real anchors that also open in a new tab. */
	hrefFor(selection: Selection): ResolvedPathname {
		return this.link({ ...this.view, selection, dataset: this.datasetId() });
	}

	private link(view: ViewState): ResolvedPathname {
		return resolve(`/${viewHref(view)}`);
	}

	switchDataset(id: string): Promise<void> {
		return goto(this.link({ ...DEFAULT_VIEW, dataset: id, layout: this.view.layout, tab: this.view.tab }), { keepFocus: true, noScroll: true });
	}
}
