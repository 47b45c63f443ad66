// The explorer's state: the view lives in the URL (so links and back/forward reproduce it); this class reads it,
// derives what is on show, and changes it only by navigating.
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { page } from '$app/state';
import type { Dataset } from '$lib/model';
import { applyFilter, egoNetwork, type FilterState, type GraphView } from '$lib/view/filter';
import { parseView, shareUnchanged, viewHref, DEFAULT_VIEW, type Selection, type ViewState } from './url';

const EMPTY: GraphView = { nodes: new Set(), edges: new Set() };

/**
 * The view, each field a signal of its own that changes only when that field does (shareUnchanged keeps the
 * object of a field that reads the same). What reads `view.filter` or `view.layer` is then not woken by a new
 * selection: at 10,000 nodes filtering, the layer's graph and the appearance each cost tens of milliseconds to redo.
 * Its fields are getters, not own properties: spread `Explorer.whole`, not this.
 */
function viewFields(whole: () => ViewState): ViewState {
	return new (class implements ViewState {
		readonly dataset = $derived(whole().dataset);
		readonly selection = $derived(whole().selection);
		readonly filter = $derived(whole().filter);
		readonly layout = $derived(whole().layout);
		readonly focus = $derived(whole().focus);
		readonly hops = $derived(whole().hops);
		readonly measure = $derived(whole().measure);
		readonly tab = $derived(whole().tab);
		readonly lens = $derived(whole().lens);
		readonly layer = $derived(whole().layer);
		readonly size = $derived(whole().size);
		readonly colour = $derived(whole().colour);
		readonly shape = $derived(whole().shape);
		readonly highlight = $derived(whole().highlight);
		readonly broker = $derived(whole().broker);
		readonly bridge = $derived(whole().bridge);
		readonly path = $derived(whole().path);
		readonly without = $derived(whole().without);
		readonly scenario = $derived(whole().scenario);
		readonly ties = $derived(whole().ties);
		readonly table = $derived(whole().table);
	})();
}

export class Explorer {
	#last: ViewState | null = null;
	/** the view the URL holds, as one plain object (to spread or write back into a link) */
	readonly whole: ViewState = $derived.by(() => (this.#last = shareUnchanged(this.#last, parseView(page.url.searchParams))));
	/** the same view, field by field: read this to follow one field */
	readonly view: ViewState = viewFields(() => this.whole);
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
		const next: ViewState = { ...(this.#pending ?? this.whole), ...change, dataset: change.dataset ?? this.datasetId() };
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
		return this.go({ filter: { ...(this.#pending ?? this.whole).filter, ...change } });
	}

	/** A link to the view with this selection, for real anchors that also open in a new tab. */
	hrefFor(selection: Selection): ResolvedPathname {
		return this.link({ ...this.whole, selection, dataset: this.datasetId() });
	}

	private link(view: ViewState): ResolvedPathname {
		return resolve(`/${viewHref(view)}`);
	}

	switchDataset(id: string): Promise<void> {
		return goto(this.link({ ...DEFAULT_VIEW, dataset: id, layout: this.view.layout, tab: this.view.tab }), { keepFocus: true, noScroll: true });
	}
}
