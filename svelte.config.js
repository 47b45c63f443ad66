import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// The page's Content-Security-Policy (SvelteKit adds a hash or nonce for its own inline start-up script).
		// Nothing is loaded from elsewhere; Cytoscape draws into canvases; the analysis runs Web Workers built as
		// files of this site; the image export decodes blob: and data: images; Svelte and Cytoscape set inline
		// style attributes (style-src-attr); no eval (zod runs jitless in the browser, see state/checks.ts).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Cytoscape injects one stylesheet, ".__________cytoscape_container { position: relative; }": allowed by its hash.
				'style-src': ['self', 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
