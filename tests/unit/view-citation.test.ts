import { describe, expect, it } from 'vitest';
import type { Evidence, Source } from '$lib/model';
import { describeSource, quoteWithCitation } from '$lib/view/citation';

const brief: Source = {
	id: 'brief',
	title: 'Developing a Future Partnership',
	authors: ['Masahiko Ando', 'Wei C. Chou', 'Aoi Fujita'],
	publisher: 'German Marshall Fund of the United States',
	year: 2014,
	url: 'https://example.org/brief'
};
const treaty: Source = { id: 'treaty', title: 'Joint statement', date: '2014-03-25' };
const sources = new Map([brief, treaty].map((source) => [source.id, source]));

describe('citations', () => {
	it('describe a source by what it records, in order', () => {
		expect(describeSource(brief)).toBe('Masahiko Ando, Wei C. Chou, Aoi Fujita. Developing a Future Partnership. German Marshall Fund of the United States. 2014');
		expect(describeSource(treaty)).toBe('Joint statement. 2014-03-25');
	});

	it('give a quote with its source, place and URL, the source it cites, and an erratum', () => {
		const item: Evidence = { source: 'brief', quote: 'the talks are frozen', locator: 'p. 3', cites: 'treaty', erratum: 'It was held in Seoul.' };
		expect(quoteWithCitation(item, sources)).toBe(
			'“the talks are frozen” (Masahiko Ando, Wei C. Chou, Aoi Fujita. Developing a Future Partnership. German Marshall Fund of the United States. 2014, p. 3) https://example.org/brief\n' +
				'Cites: Joint statement. 2014-03-25\n' +
				'Note: the source is wrong here. It was held in Seoul.'
		);
	});

	it('name a source the dataset does not describe by its id, and leave out what is not recorded', () => {
		expect(quoteWithCitation({ source: 'memo', quote: 'yes' }, sources)).toBe('“yes” (memo)');
		expect(quoteWithCitation({ source: 'treaty', quote: 'no', cites: 'lost' }, sources)).toBe('“no” (Joint statement. 2014-03-25)\nCites: lost');
	});
});
