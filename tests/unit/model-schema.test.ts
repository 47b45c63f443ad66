import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractJsonSchema, DOMAINS, EDGE_KINDS, STATUSES } from '$lib/model';
import { repoRoot } from './paths';

type JsonSchemaNode = { properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; enum?: string[]; required?: string[] };

describe('graph-data/schema.json', () => {
	const committed = JSON.parse(readFileSync(join(repoRoot, 'graph-data', 'schema.json'), 'utf8')) as JsonSchemaNode;

	it('is what the zod contract generates (run `npm run schema` after changing src/lib/model/schema.ts)', () => {
		expect(committed).toEqual(JSON.parse(JSON.stringify(contractJsonSchema())));
	});

	it('declares the enums and required fields of the contract', () => {
		const edge = committed.properties!.edges!.items!;
		expect(edge.properties!.kind!.enum).toEqual([...EDGE_KINDS]);
		expect(edge.properties!.domain!.enum).toEqual([...DOMAINS]);
		expect(edge.properties!.status!.enum).toEqual([...STATUSES]);
		expect(edge.required).toEqual(expect.arrayContaining(['id', 'source', 'target', 'kind', 'domain', 'status', 'evidence']));
		expect(committed.required).toEqual(['format', 'meta', 'nodes', 'edges']);
	});
});
