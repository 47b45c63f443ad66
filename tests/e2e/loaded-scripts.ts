// Which code a page has loaded: the text of every script it fetches, so a test can tell whether a library's code (known
// by a name only it holds) came with the page or only when a feature needed it.
import type { Page } from '@playwright/test';

/**
 * Starts keeping the page's scripts; the function returned says whether any of them holds one of `names`. It waits for
 * the text of every script whose response has arrived so far: a response is reported before the code in it runs, but
 * its text comes later, and a check made as soon as a feature has worked would otherwise race it.
 */
export function loadedScripts(page: Page): (...names: string[]) => Promise<boolean> {
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('.js')) scripts.push(response.text().catch(() => ''));
	});
	return async (...names) => (await Promise.all(scripts)).some((text) => names.some((name) => text.includes(name)));
}
