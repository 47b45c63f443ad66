// Which glossary entry is open: one dialog for the whole page, opened from any term that links to it.
class GlossaryState {
	/** the entry to show, or null when the glossary is closed */
	entry: string | null = $state(null);
	/** the element that opened it, to give focus back on closing */
	opener: HTMLElement | null = null;

	open(entry: string, opener: HTMLElement | null = null): void {
		this.opener = opener;
		this.entry = entry;
	}

	close(): void {
		this.entry = null;
		this.opener?.focus();
		this.opener = null;
	}
}

export const glossary = new GlossaryState();
