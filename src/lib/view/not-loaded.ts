// Code the page loads on first use (the panels, the importer, the dataset checks, the exporter) may not arrive: the
// server gone, the network down. The browser keeps a module that failed to load as failed until the page reloads, so
// every such failure says the same, in words rather than the browser's.

/** What to say when `what` could not be loaded. */
export function notLoaded(what: string): string {
	return `${what} could not be loaded (is the server still running?): reload the page to try again`;
}

/** What `load` brings, or an Error that says in words that `what` could not be loaded. */
export async function loadedOrSaid<T>(load: Promise<T>, what: string): Promise<T> {
	try {
		return await load;
	} catch {
		throw new Error(notLoaded(what));
	}
}
