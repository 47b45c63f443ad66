// Which URLs from a dataset become links: http(s) and mailto only. Anything else (javascript:, data:, vbscript:,
// file:, relative or scheme-relative paths) is shown as text, so a file can never put a script behind a click.

const LINKABLE = new Set(['http:', 'https:', 'mailto:']);

/** The URL to put in an href, normalised; undefined when the text must stay text. */
export function safeHref(url: unknown): string | undefined {
	if (typeof url !== 'string') return undefined;
	let parsed: URL;
	try {
		// No base: only absolute URLs parse, so "/x" and "//host/x" stay text instead of pointing into this site.
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	return LINKABLE.has(parsed.protocol) ? parsed.href : undefined;
}
