import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMisquotes, parseDataset, quoteCorpus, quoteStandsIn } from '$lib/model';
import { briefDataset, briefTexts, fixture, hasBrief, sharedDir } from './paths';

const checkEvidence = join(sharedDir, 'tools', 'check-evidence.py');

/** The items check-evidence.py calls not verbatim, as `edges[6]` / `measures[0]`. */
function pythonVerdict(datasetPath: string): string[] {
	const run = spawnSync('python3', [checkEvidence, datasetPath], { encoding: 'utf8' });
	return [...run.stdout.matchAll(/^not verbatim in the brief: ((?:edges|measures)\[\d+\]):/gm)].map((m) => m[1]!).sort();
}

function ourVerdict(datasetPath: string): string[] {
	const result = parseDataset(readFileSync(datasetPath, 'utf8'));
	if (!result.ok) throw new Error(`${datasetPath} does not validate`);
	const corpus = quoteCorpus(briefTexts.map((path) => readFileSync(path, 'utf8')));
	return findMisquotes(result.dataset, 'brief', corpus)
		.misquoted.map((item) => item.path.replace(/\.evidence.*$/, ''))
		.sort();
}

describe('quoteStandsIn', () => {
	const corpus = quoteCorpus(['The three launched FTA negotiations in November 2012.¹¹ Japan\u2019s “catching up” — slowly.']);

	it('ignores case, spacing, typographic quotes and dashes, and footnote marks', () => {
		expect(quoteStandsIn("the three  launched FTA\nnegotiations in November 2012.", corpus)).toBe(true);
		expect(quoteStandsIn('Japan\'s "catching up" - slowly.', corpus)).toBe(true);
		expect(quoteStandsIn('in November 2012.11 Japan', corpus)).toBe(true);
	});

	it('lets an ellipsis join verbatim pieces and skips square-bracket insertions', () => {
		expect(quoteStandsIn('The three … in November 2012', corpus)).toBe(true);
		expect(quoteStandsIn('The three [states] launched FTA negotiations', corpus)).toBe(true);
		expect(quoteStandsIn('The three ... in December 2012', corpus)).toBe(false);
	});

	it('rejects a paraphrase', () => {
		expect(quoteStandsIn('The three started FTA talks in November 2012.', corpus)).toBe(false);
	});
});

describe.skipIf(!hasBrief || !existsSync(checkEvidence))('agreement with ../shared/tools/check-evidence.py', () => {
	it('finds the same misquotes in a fixture of right and wrong quotes', () => {
		const path = fixture('datasets', 'quote-check.json');
		expect(ourVerdict(path)).toEqual(['edges[6]', 'edges[7]', 'measures[0]']);
		expect(pythonVerdict(path)).toEqual(ourVerdict(path));
	});

	it('agrees on the brief dataset, where every quote is verbatim', () => {
		expect(ourVerdict(briefDataset)).toEqual([]);
		expect(pythonVerdict(briefDataset)).toEqual([]);
		expect(execFileSync('python3', [checkEvidence, briefDataset], { encoding: 'utf8' })).toMatch(/^(\d+)\/\1 evidence quotes verbatim$/m);
	});
});
