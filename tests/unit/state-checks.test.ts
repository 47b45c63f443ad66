// The dataset checks loaded on first use: once for every caller, with zod set to check without eval (the page's CSP
// forbids it) before any check runs.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadChecks } from '$lib/state/checks';

describe('loadChecks', () => {
	it('loads the checks once, set jitless, and they check', async () => {
		expect(z.config().jitless).not.toBe(true);
		const loading = loadChecks();
		expect(loadChecks()).toBe(loading);
		const { parse, edit } = await loading;
		expect(z.config().jitless).toBe(true);
		const result = parse.validateDataset({ format: 'alliance-explorer/1', meta: { id: 'x', title: 'X' }, nodes: [{ id: 'a', label: 'A', type: 'state' }], edges: [] });
		expect(result.ok).toBe(true);
		expect(parse.validateDataset({ format: 'alliance-explorer/1', nodes: [] }).ok).toBe(false);
		expect(typeof edit.commit).toBe('function');
	});
});
