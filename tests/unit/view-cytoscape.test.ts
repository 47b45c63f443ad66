// Switching off Cytoscape's layered textures for large graphs: done on a renderer that has them, a no-op on one
// without (headless Cytoscape, or a later version that drops the cache). Cytoscape's hit test made to look only at
// the elements near the pointer: on a stand-in for its renderer (the browser tests compare it with the real one).
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { withNearbyHitTests, withoutLayeredTextures } from '$lib/view/cytoscape';

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
