// Switching off Cytoscape's layered textures for large graphs: done on a renderer that has them, a no-op on one
// without (headless Cytoscape, or a later version that drops the cache).
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { withoutLayeredTextures } from '$lib/view/cytoscape';

describe('withoutLayeredTextures', () => {
	it('has the renderer draw without layers', () => {
		const layers = [{ id: 1 }];
		const cache = { getLayers: (): unknown => layers };
		const instance = { renderer: () => ({ data: { lyrTxrCache: cache } }) } as unknown as cytoscape.Core;
		expect(cache.getLayers()).toBe(layers);
		expect(withoutLayeredTextures(instance)).toBe(true);
		expect(cache.getLayers()).toBeNull();
	});

	it('leaves a Cytoscape without that cache as it is', () => {
		const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
		expect(withoutLayeredTextures(headless)).toBe(false);
		expect(withoutLayeredTextures({ renderer: () => ({ data: {} }) } as unknown as cytoscape.Core)).toBe(false);
	});
});
