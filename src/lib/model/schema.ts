// The data contract `alliance-explorer/1` as a zod schema: the shapes, enums and formats.
// Cross-references (unique ids, dangling source/target/cites/measure, since <= until) are checked in validate.ts.
import { z } from 'zod';
import { DOMAINS, EDGE_KINDS, FORMAT, PARTIAL_DATE, STATUSES } from './vocabulary';

/** The schemas, made on first use: zod builds them in tens of milliseconds, which every page start would pay. */
function buildSchemas() {
	const id = z.string().min(1);
	const text = z.string().min(1);
	const partialDate = z.string().regex(PARTIAL_DATE, { error: 'must be a date like 2014, 2014-06 or 2014-06-30' });

	const evidenceSchema = z.looseObject({
		source: id.describe('id of the sources[] entry the quote comes from'),
		quote: z.string().refine((q) => q.trim().length > 0, { error: 'must not be empty' }).describe('verbatim text'),
		locator: z.string().optional().describe('where the quote stands: section and paragraph, page, or footnote N'),
		cites: id.optional().describe('id of the primary source the quoted passage cites'),
		erratum: z
			.string()
			.optional()
			.describe('where the quoted text is itself wrong: what is right and on whose authority (shown as a warning beside the quote)')
	});

	const note = z.string().nullable().optional().describe("the curator's note: a judgement, a caveat or an outside fact, shown with the element");

	const sourceSchema = z.looseObject({
		id,
		title: text,
		authors: z.array(text).optional(),
		publisher: text.optional(),
		year: z.number().int().optional(),
		date: partialDate.optional(),
		url: z.string().optional(),
		note
	});

	const nodeSchema = z.looseObject({
		id,
		label: text,
		type: text.optional().describe('state | institution | agreement | event; other types are drawn generically'),
		aliases: z.array(text).optional(),
		description: z.string().optional(),
		group: text.optional(),
		textName: text.optional().describe("the node's name inside a sentence, with its article: \"the United States\" (default: its label)"),
		note,
		position: z
			.looseObject({ x: z.number().finite(), y: z.number().finite() })
			.optional()
			.describe('where the node is drawn, in layout coordinates; a dataset that carries positions opens drawn as saved')
	});

	function edgeShape(curated: boolean) {
		const evidence = z.array(evidenceSchema);
		const kind = z.enum(EDGE_KINDS);
		const domain = z.enum(DOMAINS);
		const status = z.enum(STATUSES);
		return {
			id,
			source: id,
			target: id,
			kind: curated ? kind : kind.optional(),
			relation: text.optional(),
			domain: curated ? domain : domain.optional(),
			status: curated ? status : status.optional(),
			directed: z.boolean().optional(),
			weight: z.number().positive({ error: 'must be a positive number' }).optional(),
			since: partialDate.nullable().optional(),
			until: partialDate.nullable().optional(),
			label: z.string().optional(),
			measure: id.nullable().optional(),
			note,
			evidence: curated ? evidence.min(1, { error: 'needs at least one evidence item' }) : evidence.optional()
		};
	}

	const measureSchema = z.looseObject({
		id,
		domain: z.enum(DOMAINS),
		title: text,
		usRole: z.string().optional().describe('how the United States can commit to the measure'),
		note,
		evidence: z.array(evidenceSchema).optional()
	});

	const changeSchema = z.looseObject({
		at: z.iso.datetime({ offset: true, error: 'must be a date and time like 2026-11-30T09:15:00Z' }).describe('when the change was made'),
		summary: text.describe('what changed, in plain words')
	});

	const metaSchema = z.looseObject({
		id,
		title: text,
		description: z.string().optional(),
		asOf: partialDate.optional(),
		changes: z.array(changeSchema).optional().describe("the edits made to this dataset in the explorer, oldest first: when and what")
	});

	/** The whole dataset. `curated` (graph-data/) requires kind, domain, status and evidence on every edge. */
	function datasetSchema(curated: boolean) {
		return z.looseObject({
			format: z.literal(FORMAT),
			meta: metaSchema,
			sources: z.array(sourceSchema).optional(),
			nodes: z.array(nodeSchema),
			edges: z.array(z.looseObject(edgeShape(curated))),
			measures: z.array(measureSchema).optional()
		});
	}

	return { curated: datasetSchema(true), imported: datasetSchema(false) };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The dataset schemas: `curated` for graph-data/, `imported` for files brought in (kind, domain, status, evidence optional). */
export function datasetSchemas(): ReturnType<typeof buildSchemas> {
	return (schemas ??= buildSchemas());
}

/** JSON Schema of the curated contract, as written to graph-data/schema.json. */
export function contractJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(datasetSchemas().curated, { target: 'draft-2020-12' }),
		title: 'Alliance Explorer dataset (alliance-explorer/1)'
	};
}
