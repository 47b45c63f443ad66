// How the page gets a dataset from the server: written into the page's HTML, or, for a large network, fetched by
// the browser while the page starts.
import type { Dataset } from '$lib/model';
import type { DatasetEntry } from '$lib/server/dataset-file';
import { isLargeSize } from '$lib/view/style';

/** What fetching a dataset gave: the dataset, or why there is none. */
export type Fetched = { dataset: Dataset } | { problem: string };

/**
 * Whether the browser fetches this dataset itself rather than finding it in the page's HTML. A large network written
 * into the page (10,000 nodes and 50,000 ties make a 10 MB page) takes seconds to parse before anything shows.
 */
export function fetchedByBrowser(entry: DatasetEntry): boolean {
	return isLargeSize(entry.nodes ?? 0, entry.edges ?? 0);
}

export const datasetUrl = (id: string) => `/api/datasets/${encodeURIComponent(id)}`;

/** The dataset with this id from the server, or the server's reason, or why the request failed; never throws. */
export async function fetchDataset(fetch: typeof globalThis.fetch, id: string): Promise<Fetched> {
	let response: Response;
	try {
		response = await fetch(datasetUrl(id));
	} catch {
		return { problem: `Dataset "${id}" could not be read from the server: check the connection, then reload the page.` };
	}
	const body: unknown = await response.json().catch(() => undefined);
	if (response.ok && body !== undefined) return { dataset: body as Dataset };
	const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : null;
	if (message && !response.ok) return { problem: message };
	return { problem: `Dataset "${id}": the server answered ${response.status}${response.ok ? ' with something that is not JSON' : ''}. Reload the page to try again.` };
}
