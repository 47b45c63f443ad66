// Security headers on every response SvelteKit makes (pages, API, errors); the Content-Security-Policy itself,
// frame-ancestors 'none' included, comes from kit.csp in svelte.config.js. X-Frame-Options says the same to browsers
// that predate frame-ancestors; nosniff keeps a browser from running an API's JSON or a CSV export as something else.
import type { Handle } from '@sveltejs/kit';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'no-referrer',
	'cross-origin-opener-policy': 'same-origin'
};

/** For responses that are not pages (JSON, downloads): nothing in them may run, and they may not be framed. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

function withSecurityHeaders(response: Response): Response {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, value);
	if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', NON_PAGE_POLICY);
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		return withSecurityHeaders(response);
	} catch {
		// Some responses (a fetched one passed through, Response.redirect) have immutable headers: copy them first.
		return withSecurityHeaders(new Response(response.body, response));
	}
};
