// Which code a page has loaded: the text of every script it fetches, kept as it arrives, so a test can tell whether
// a library's code (known by a name only it holds) came with the page or only when a feature needed it.
import type { Page } from '@playwright/test';

/** Starts keeping the page's scripts; the function returned says whether any of them holds one of `names`. */
export function loadedScripts(page: Page): (...names: string[]) => boolean {
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.url().endsWith('.js')) scripts.push(await response.text().catch(() => ''));
	});
	return (...names) => scripts.some((text) => names.some((name) => text.includes(name)));
}
