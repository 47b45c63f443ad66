// A view held in runes state for tests: what the page's URL does for AnalysisState, `go` merging a change into it.
import { DEFAULT_VIEW, type ViewState } from '$lib/state/url';

export class ViewBox {
	view: ViewState = $state(DEFAULT_VIEW);

	go = (change: Partial<ViewState>): void => {
		this.view = { ...this.view, ...change };
	};
}
