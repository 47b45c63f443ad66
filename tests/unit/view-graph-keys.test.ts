import { describe, expect, it } from 'vitest';
import { keyboardAction, nearestTo, neighbourToward, panStep, ZOOM_STEP } from '$lib/view/graph-keys';

const key = (name: string, extra: Partial<Pick<KeyboardEvent, 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) =>
	keyboardAction({ key: name, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...extra });

describe('keyboardAction', () => {
	it('moves with the arrows, pans with Shift and an arrow, zooms with + and -, fits with 0, opens with Enter', () => {
		expect(key('ArrowLeft')).toEqual({ kind: 'move', direction: 'left' });
		expect(key('ArrowDown', { shiftKey: true })).toEqual({ kind: 'pan', direction: 'down' });
		expect(key('+')).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
		expect(key('=')).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
		expect(key('-')).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
		expect(key('0')).toEqual({ kind: 'fit' });
		expect(key('Enter')).toEqual({ kind: 'open' });
		expect(ZOOM_STEP ** 5).toBeCloseTo(2, 12);
	});

	it('leaves Escape, Tab, letters and shortcuts to the page', () => {
		for (const name of ['Escape', 'Tab', '/', 'a', 'constructor', '__proto__']) expect(key(name), name).toBeNull();
		expect(key('ArrowLeft', { ctrlKey: true })).toBeNull();
		expect(key('0', { metaKey: true })).toBeNull();
		expect(key('+', { altKey: true })).toBeNull();
	});
});

describe('neighbourToward', () => {
	const from = { x: 0, y: 0 };
	// screen coordinates: y grows downwards
	const around = [
		{ id: 'east', x: 100, y: 10 },
		{ id: 'far-east', x: 300, y: 0 },
		{ id: 'north-east', x: 50, y: -60 },
		{ id: 'south', x: -5, y: 80 },
		{ id: 'west', x: -40, y: -30 }
	];

	it("picks the candidate whose direction is closest to the arrow's, the nearer first among equals", () => {
		expect(neighbourToward(from, around, 'right')).toBe('far-east');
		expect(neighbourToward(from, around.filter((c) => c.id !== 'far-east'), 'right')).toBe('east');
		expect(neighbourToward(from, around, 'up')).toBe('north-east');
		expect(neighbourToward(from, around, 'down')).toBe('south');
		expect(neighbourToward(from, around, 'left')).toBe('west');
		expect(neighbourToward(from, [{ id: 'near', x: 10, y: 0 }, { id: 'far', x: 20, y: 0 }], 'right')).toBe('near');
	});

	it('finds nothing when no candidate lies that way, or when it sits on the node itself', () => {
		expect(neighbourToward(from, [{ id: 'east', x: 100, y: 0 }], 'left')).toBeNull();
		expect(neighbourToward(from, [{ id: 'above', x: 0, y: -10 }], 'right')).toBeNull();
		expect(neighbourToward(from, [{ id: 'same', x: 0, y: 0 }], 'up')).toBeNull();
	});
});

describe('nearestTo and panStep', () => {
	it('starts from the node nearest the middle', () => {
		expect(nearestTo({ x: 50, y: 50 }, [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 60, y: 40 }])).toBe('b');
		expect(nearestTo({ x: 0, y: 0 }, [])).toBeNull();
	});

	it('pans an eighth of the view, the drawing moving against the arrow', () => {
		expect(panStep('right', 800, 400)).toEqual({ x: -100, y: 0 });
		expect(panStep('up', 800, 400)).toEqual({ x: 0, y: 50 });
	});
});
