// Loads the dataset listing and the dataset the URL names (or the default one); other URL parameters
// are read by the page itself, so changing them never refetches.
import { browser } from '$app/environment';
import type { Dataset } from '$lib/model';
import type { DatasetEntry } from '$lib/server/datasets';
import { fetchDataset, fetchedByBrowser, type Fetched } from '$lib/state/dataset-fetch';
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

async function loaded(fetch: typeof globalThis.fetch, id: string): Promise<Fetched> {
	const fetched = await fetchDataset(fetch, id);
	if (browser && 'dataset' in fetched) lastLoaded = { id, dataset: fetched.dataset };
	return fetched;
}

export const load: PageLoad = async ({ fetch, url }) => {
	const datasets: DatasetEntry[] = await (await fetch('/api/datasets')).json();
	const valid = datasets.filter((entry) => !entry.problems);
	const requested = url.searchParams.get('dataset');
	const datasetId = requested || (valid.find((entry) => entry.id === DEFAULT_DATASET) ?? valid[0])?.id;
	const none = { datasets, datasetId: datasetId ?? null, dataset: null, fetching: null, incoming: null, problem: null };
	if (!datasetId) return { ...none, problem: 'graph-data/ holds no valid dataset.' };
	// Imported datasets live in the browser's IndexedDB, where the page reads them; the server has none.
	if (isLocalId(datasetId)) return none;
	if (browser && lastLoaded?.id === datasetId) return { ...none, dataset: lastLoaded.dataset };
	// Only an id from the listing is fetched: "." or ".." in a URL path would resolve to another route.
	const listed = datasets.find((entry) => entry.id === datasetId);
	if (!listed) return { ...none, problem: `No dataset with id "${datasetId}"` };
	if (listed.problems) return { ...none, problem: `Dataset "${datasetId}" (${listed.file}) fails validation` };
	// A large network: the page shows that it is loading (on the server and in the browser alike), then what `incoming` brings.
	if (fetchedByBrowser(listed)) return { ...none, fetching: listed, incoming: browser ? loaded(fetch, datasetId) : null };
	const fetched = await loaded(fetch, datasetId);
	return 'dataset' in fetched ? { ...none, dataset: fetched.dataset } : { ...none, problem: fetched.problem };
};
