// What an export format leaves out of a dataset, in words, so a lossy conversion says so instead of dropping data
// without a word. JSON keeps everything; GraphML and GEXF keep every field (ids and GEXF labels lose the characters
// XML cannot carry); CSV keeps two tables of fixed columns, and the rest of the dataset stays behind.
import type { Dataset } from '../model';
import { EDGE_COLUMNS, NODE_COLUMNS } from './csv';
import type { FormatId } from './types';
import { isXmlSafe } from './xml';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "aliases on 20 nodes, note on 3 nodes": the fields outside `kept`, by how many items carry them. */
function fieldsOutside(items: ReadonlyArray<Record<string, unknown>>, kept: ReadonlySet<string>, what: string): string[] {
	const counts = new Map<string, number>();
	for (const item of items) for (const [name, value] of Object.entries(item)) if (!kept.has(name) && value !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, count]) => `${JSON.stringify(name)} on ${plural(count, what)}`);
}

function csvOmissions(dataset: Dataset): string[] {
	const { nodes, edges, format: _format, meta, sources, measures, ...rest } = dataset;
	const omitted: string[] = [];
	omitted.push(`the meta (${Object.keys(meta).join(', ')}; read back, the id and title come from the file name)`);
	if (sources?.length) omitted.push(plural(sources.length, 'source'));
	if (measures?.length) omitted.push(plural(measures.length, 'measure'));
	for (const name of Object.keys(rest)) omitted.push(`the dataset field ${JSON.stringify(name)}`);
	omitted.push(...fieldsOutside(nodes, new Set(NODE_COLUMNS), 'node'));
	omitted.push(...fieldsOutside(edges, new Set([...EDGE_COLUMNS, 'evidence']), 'edge'));
	const evidence = edges.flatMap((edge) => edge.evidence);
	const described = evidence.filter((item) => Object.keys(item).some((key) => key !== 'quote'));
	if (described.length) omitted.push(`the source, locator and other fields of ${plural(described.length, 'evidence item')} (each quote is kept as text)`);
	const several = edges.filter((edge) => edge.evidence.length > 1).length;
	if (several) omitted.push(`the boundaries between quotes on ${plural(several, 'edge')} (joined into one cell with " … ")`);
	return omitted;
}

function xmlOmissions(dataset: Dataset, labels: boolean): string[] {
	const ids = [...dataset.nodes.map((node) => node.id), ...dataset.edges.flatMap((edge) => [edge.id, edge.source, edge.target])].filter((id) => !isXmlSafe(id));
	const badLabels = labels ? dataset.nodes.filter((node) => !isXmlSafe(node.label)).length : 0;
	return [
		...(ids.length ? [`characters XML cannot carry in ${plural(new Set(ids).size, 'id')} (written as U+FFFD)`] : []),
		...(badLabels ? [`characters XML cannot carry in ${plural(badLabels, 'node label')} (written as U+FFFD)`] : [])
	];
}

/** What writing this dataset in this format leaves out, one phrase each; empty when the format keeps everything. */
export function exportOmissions(dataset: Dataset, format: FormatId): string[] {
	if (format === 'csv') return csvOmissions(dataset);
	if (format === 'graphml') return xmlOmissions(dataset, false);
	if (format === 'gexf') return xmlOmissions(dataset, true);
	return [];
}

/** One sentence for a user: "CSV leaves out: 16 sources; 12 measures." or undefined when nothing is left out. */
export function omissionNote(dataset: Dataset, format: FormatId, label: string): string | undefined {
	const omitted = exportOmissions(dataset, format);
	return omitted.length ? `${label} leaves out: ${omitted.join('; ')}.` : undefined;
}
