// Light or dark: follows the operating system until the user picks one, which is remembered in this browser.
import type { Theme } from '$lib/view/palette';

const STORAGE_KEY = 'alliance-explorer.theme';

export class ThemeChoice {
	chosen: Theme | null = $state(null);
	system: Theme = $state('light');
	readonly current: Theme = $derived(this.chosen ?? this.system);

	/** Reads the stored choice and follows the OS setting; returns the cleanup. */
	start(): () => void {
		const stored = localStorage.getItem(STORAGE_KEY);
		if (stored === 'light' || stored === 'dark') this.chosen = stored;
		const query = matchMedia('(prefers-color-scheme: dark)');
		const follow = () => (this.system = query.matches ? 'dark' : 'light');
		follow();
		query.addEventListener('change', follow);
		return () => query.removeEventListener('change', follow);
	}

	toggle() {
		this.chosen = this.current === 'dark' ? 'light' : 'dark';
		localStorage.setItem(STORAGE_KEY, this.chosen);
	}
}
/** The one theme choice of the page. */
export const themeChoice = new ThemeChoice();
