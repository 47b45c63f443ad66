// Loads the dataset listing and the dataset the URL names (or the default one); other URL parameters
// are read by the page itself, so changing them never refetches.
import { browser } from '$app/environment';
import type { Dataset } from '$lib/model';
import type { DatasetEntry } from '$lib/server/datasets';
import { isLocalId } from '$lib/state/imported-store';
import type { PageLoad } from './$types';

// The brief's dataset opens first when present.
const DEFAULT_DATASET = 'japan-korea-2014';

/**
 * The dataset last loaded in this page. The first change on `/` writes `dataset=` into the URL, which reruns this
 * load for the same dataset: handing back the same object keeps the graph as it is drawn (nothing is rebuilt or
 * laid out again). Only in the browser: on the server one module serves every visitor.
 */
let lastLoaded: { id: string; dataset: Dataset } | null = null;

export const load: PageLoad = async ({ fetch, url }) => {
	const datasets: DatasetEntry[] = await (await fetch('/api/datasets')).json();
	const valid = datasets.filter((entry) => !entry.problems);
	const requested = url.searchParams.get('dataset');
	const datasetId = requested || (valid.find((entry) => entry.id === DEFAULT_DATASET) ?? valid[0])?.id;
	if (!datasetId) return { datasets, datasetId: null, dataset: null, problem: 'graph-data/ holds no valid dataset.' };
	// Imported datasets live in the browser's IndexedDB, where the page reads them; the server has none.
	if (isLocalId(datasetId)) return { datasets, datasetId, dataset: null, problem: null };
	if (browser && lastLoaded?.id === datasetId) return { datasets, datasetId, dataset: lastLoaded.dataset, problem: null };
	// Only an id from the listing is fetched: "." or ".." in a URL path would resolve to another route.
	const listed = datasets.find((entry) => entry.id === datasetId);
	if (!listed) return { datasets, datasetId, dataset: null, problem: `No dataset with id "${datasetId}"` };
	if (listed.problems) return { datasets, datasetId, dataset: null, problem: `Dataset "${datasetId}" (${listed.file}) fails validation` };
	const response = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}`);
	if (!response.ok) {
		const body: { message: string } = await response.json();
		return { datasets, datasetId, dataset: null, problem: body.message };
	}
	const dataset: Dataset = await response.json();
	if (browser) lastLoaded = { id: datasetId, dataset };
	return { datasets, datasetId, dataset, problem: null };
};
