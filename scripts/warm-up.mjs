// The page's server code loads on the first request for a page: on the development machine that first request took
// 0.7–1 s (130–180 ms even after the datasets list had been asked for), later ones 20–60 ms. npm start renders the
// start page once, as soon as the server listens, so its first visitor does not wait for that.

/**
 * The address the server's own requests go to, or null when it listens on a socket path (fetch cannot reach it).
 * @param {string | import('node:net').AddressInfo | null} address what `server.address()` gives
 * @returns {string | null}
 */
export function ownOrigin(address) {
	if (address === null || typeof address === 'string') return null;
	const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
	return `http://${address.family === 'IPv6' ? `[${host}]` : host}:${address.port}`;
}

/**
 * Renders the start page once, when the server listens. Resolves to a one-line problem if the page could not be
 * rendered (the page's own log says why), else null.
 * @param {import('node:http').Server} server
 * @returns {Promise<string | null>}
 */
export async function warmUp(server) {
	if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
	const origin = ownOrigin(server.address());
	if (origin === null) return null;
	try {
		const response = await fetch(`${origin}/`);
		await response.arrayBuffer();
		return response.ok ? null : `The start page answered ${response.status} when the server rendered it once at start.`;
	} catch (error) {
		return `The server could not render its start page once at start: ${error instanceof Error ? error.message : String(error)}.`;
	}
}
