// How Cytoscape draws (textures, no layers, or each element directly), switched on a renderer that has the caches, a
// no-op on one without (headless Cytoscape, or a later version that drops them); which sizes get which; fCoSE loaded
// on first use (cytoscape-svg needs a browser: the browser tests export SVG). Cytoscape's hit test made to look only at
// the elements near the pointer: on a stand-in for its renderer (the browser tests compare it with the real one).
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
	DIRECT_DRAWING_UP_TO,
	fcoseLoaded,
	loadCytoscape,
	loadFcose,
	textureChoiceFor,
	withNearbyHitTests,
	withTextureChoice,
	type TextureChoice
} from '$lib/view/cytoscape';
import { LARGE_GRAPH_ELEMENTS } from '$lib/view/style';

describe('withTextureChoice', () => {
	/** A stand-in for Cytoscape's renderer: every cache hands out what it has. */
	function renderer() {
		const texture = { texture: 1 };
		const layers = [{ id: 1 }];
		const data = {
			lyrTxrCache: { getLayers: (): unknown => layers },
			eleTxrCache: { getElement: (..._args: unknown[]): unknown => texture },
			lblTxrCache: { getElement: (): unknown => texture },
			slbTxrCache: { getElement: (): unknown => texture },
			tlbTxrCache: { getElement: (): unknown => texture }
		};
		return { data, texture, layers, instance: { renderer: () => ({ data }) } as unknown as cytoscape.Core };
	}

	it('asks at each frame, and leaves out layers, or layers and textures, as the choice says', () => {
		const { data, texture, layers, instance } = renderer();
		let choice: TextureChoice = 'textures';
		expect(withTextureChoice(instance, () => choice)).toBe(true);
		const elementCaches = [data.eleTxrCache, data.lblTxrCache, data.slbTxrCache, data.tlbTxrCache];
		expect(data.lyrTxrCache.getLayers()).toBe(layers);
		for (const cache of elementCaches) expect(cache.getElement()).toBe(texture);
		choice = 'no-layers';
		expect(data.lyrTxrCache.getLayers()).toBeNull();
		for (const cache of elementCaches) expect(cache.getElement()).toBe(texture);
		choice = 'direct';
		expect(data.lyrTxrCache.getLayers()).toBeNull();
		for (const cache of elementCaches) expect(cache.getElement()).toBeNull();
		choice = 'textures';
		expect(data.lyrTxrCache.getLayers()).toBe(layers);
	});

	it('hands the caches their own arguments and `this`', () => {
		const calls: unknown[][] = [];
		const cache = {
			name: 'element cache',
			getElement(this: { name: string }, ...args: unknown[]) {
				calls.push([this.name, ...args]);
				return null;
			}
		};
		const { data, instance } = renderer();
		data.eleTxrCache = cache as unknown as typeof data.eleTxrCache;
		withTextureChoice(instance, () => 'textures');
		data.eleTxrCache.getElement.call(data.eleTxrCache, 'ele', 'bb', 2);
		expect(calls).toEqual([['element cache', 'ele', 'bb', 2]]);
	});

	it('leaves a Cytoscape without those caches as it is', () => {
		const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
		expect(withTextureChoice(headless, () => 'direct')).toBe(false);
		expect(withTextureChoice({ renderer: () => ({ data: {} }) } as unknown as cytoscape.Core, () => 'direct')).toBe(false);
		const { data, instance } = renderer();
		const { lblTxrCache: _dropped, ...without } = data;
		expect(withTextureChoice({ renderer: () => ({ data: without }) } as unknown as cytoscape.Core, () => 'direct')).toBe(false);
		expect(withTextureChoice(instance, () => 'direct')).toBe(true);
	});
});

describe('textureChoiceFor', () => {
	it('draws up to 300 elements directly, large graphs without layers, the rest with textures', () => {
		expect(textureChoiceFor(31, 123)).toBe('direct');
		expect(textureChoiceFor(100, DIRECT_DRAWING_UP_TO - 100)).toBe('direct');
		expect(textureChoiceFor(100, DIRECT_DRAWING_UP_TO - 99)).toBe('textures');
		expect(textureChoiceFor(1000, LARGE_GRAPH_ELEMENTS - 1000)).toBe('textures');
		expect(textureChoiceFor(1000, LARGE_GRAPH_ELEMENTS - 999)).toBe('no-layers');
		expect(textureChoiceFor(10_000, 49_975)).toBe('no-layers');
	});
});

describe('Cytoscape extensions loaded on first use', () => {
	it('registers fCoSE once, for every instance', async () => {
		expect(fcoseLoaded()).toBe(false);
		const loading = loadFcose();
		expect(loadFcose()).toBe(loading);
		await loading;
		expect(fcoseLoaded()).toBe(true);
		const factory = await loadCytoscape();
		const headless = factory({ headless: true, elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }] });
		expect(() => headless.layout({ name: 'fcose', animate: false, randomize: true } as cytoscape.LayoutOptions).run()).not.toThrow();
		expect(headless.getElementById('a').position()).not.toEqual(headless.getElementById('b').position());
	});
});

describe('withNearbyHitTests', () => {
	type Element = { id: string; interactive: boolean };
	/** A stand-in renderer whose hit test returns, topmost first, the ids of the elements it was given to look at. */
	function renderer(elements: Element[]) {
		const sorted = Object.assign([...elements], { interactive: elements.filter((element) => element.interactive) });
		return {
			seen: [] as string[][],
			getCachedZSortedEles() {
				return sorted;
			},
			findNearestElements(this: { getCachedZSortedEles(): typeof sorted; seen: string[][] }, _x: number, _y: number, interactiveOnly: boolean) {
				const list = interactiveOnly ? this.getCachedZSortedEles().interactive : this.getCachedZSortedEles();
				const ids = list.map((element) => element.id).reverse();
				this.seen.push(ids);
				if (ids.includes('boom')) throw new Error('boom');
				return ids;
			}
		};
	}
	const core = (r: object) => ({ renderer: () => r }) as unknown as cytoscape.Core;
	const elements = ['a', 'b', 'c', 'd'].map((id) => ({ id, interactive: id !== 'c' }));

	it('has the renderer look only at the elements kept, in its drawing order, then at all of them again', () => {
		const r = renderer(elements);
		const asked: [number, number][] = [];
		expect(
			withNearbyHitTests(core(r), (x, y) => {
				asked.push([x, y]);
				return (element) => ['a', 'c', 'd'].includes((element as unknown as Element).id);
			})
		).toBe(true);
		expect(r.findNearestElements(3, 4, false)).toEqual(['d', 'c', 'a']);
		expect(r.findNearestElements(5, 6, true)).toEqual(['d', 'a']);
		expect(asked).toEqual([
			[3, 4],
			[5, 6]
		]);
		expect(r.getCachedZSortedEles().map((element) => element.id)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('looks at every element when the candidates say so (null), and puts the list back when the hit test throws', () => {
		const r = renderer([...elements, { id: 'boom', interactive: true }]);
		let keepAll = true;
		withNearbyHitTests(core(r), () => (keepAll ? null : (element) => (element as unknown as Element).id !== 'a'));
		expect(() => r.findNearestElements(0, 0, false)).toThrow('boom');
		expect(r.seen.at(-1)).toEqual(['boom', 'd', 'c', 'b', 'a']);
		keepAll = false;
		expect(() => r.findNearestElements(0, 0, false)).toThrow('boom');
		expect(r.seen.at(-1)).toEqual(['boom', 'd', 'c', 'b']);
		expect(r.getCachedZSortedEles()).toHaveLength(5);
	});

	it('leaves a Cytoscape without a hit test as it is', () => {
		const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
		expect(withNearbyHitTests(headless, () => null)).toBe(false);
	});
});
