// A layer as text parameters, both ways, shared by the page's URL (prefixed "layer."), the API's query string and
// the CLI's flags, so all three name a layer the same way. Only what differs from the dataset's default is written.
import { PARTIAL_DATE, STATUSES } from '../model/vocabulary';
import type { Status } from '../model';
import { STRENGTHS, TIE_KINDS, type LayerSpec, type Strength, type TieKind } from './layer';

/** kind=friction, fields=defense,diplomacy, status=active,stalled,proposed, asof=2014-06|any, strength=sum, weighted=true, measure=ID (repeatable) */
export const LAYER_PARAMS = ['kind', 'fields', 'status', 'asof', 'strength', 'weighted', 'measure'] as const;
export type LayerParam = (typeof LAYER_PARAMS)[number];

export interface ParamSource {
	get(name: string): string | null;
	getAll(name: string): string[];
}

const list = (text: string) => text.split(',').map((part) => part.trim()).filter((part) => part !== '');

/** The layer the parameters name, on top of the defaults; each unreadable parameter is a problem and keeps its default. */
export function readLayerParams(source: ParamSource, defaults: LayerSpec, prefix = ''): { spec: LayerSpec; problems: string[] } {
	const spec: LayerSpec = { ...defaults };
	const problems: string[] = [];
	const get = (name: LayerParam) => source.get(prefix + name);
	const bad = (name: LayerParam, value: string, allowed: string) => problems.push(`${prefix}${name}: "${value}" is not ${allowed}`);

	const kind = get('kind');
	if (kind !== null) {
		if (TIE_KINDS.includes(kind as TieKind)) spec.kind = kind as TieKind;
		else bad('kind', kind, `one of ${TIE_KINDS.join(', ')}`);
	}
	const fields = get('fields');
	if (fields !== null) spec.domains = fields === 'all' ? null : list(fields);
	const status = get('status');
	if (status !== null) {
		const statuses = list(status);
		const unknown = statuses.filter((value) => !STATUSES.includes(value as Status));
		if (unknown.length) bad('status', unknown.join(','), `a list of ${STATUSES.join(', ')}`);
		else spec.statuses = STATUSES.filter((value) => statuses.includes(value));
	}
	const asOf = get('asof');
	if (asOf !== null) {
		if (asOf === 'any') spec.asOf = null;
		else if (PARTIAL_DATE.test(asOf)) spec.asOf = asOf;
		else bad('asof', asOf, 'a date like 2014, 2014-06 or 2014-06-30, or "any"');
	}
	const strength = get('strength');
	if (strength !== null) {
		if (STRENGTHS.includes(strength as Strength)) spec.strength = strength as Strength;
		else bad('strength', strength, `one of ${STRENGTHS.join(', ')}`);
	}
	const weighted = get('weighted');
	if (weighted !== null) {
		if (weighted === 'true' || weighted === 'false') spec.weighted = weighted === 'true';
		else bad('weighted', weighted, 'true or false');
	}
	const measures = source.getAll(prefix + 'measure');
	if (measures.length) spec.measures = measures.filter((id) => id !== '');
	return { spec, problems };
}

/** The parameters that make `spec` out of `defaults`, in a fixed order. */
export function writeLayerParams(spec: LayerSpec, defaults: LayerSpec, prefix = ''): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	const put = (name: LayerParam, value: string) => out.push([prefix + name, value]);
	const same = (a: readonly string[] | null, b: readonly string[] | null) => (a === null || b === null ? a === b : a.length === b.length && a.every((x, i) => x === b[i]));
	if (spec.kind !== defaults.kind) put('kind', spec.kind);
	if (!same(spec.domains, defaults.domains)) put('fields', spec.domains === null ? 'all' : spec.domains.join(','));
	if (!same(spec.statuses, defaults.statuses)) put('status', spec.statuses.join(','));
	if (spec.asOf !== defaults.asOf) put('asof', spec.asOf ?? 'any');
	if (spec.strength !== defaults.strength) put('strength', spec.strength);
	if (spec.weighted !== defaults.weighted) put('weighted', String(spec.weighted));
	// An empty list is one empty value: "no measure's proposals", which an absent parameter would not say.
	if (!same(spec.measures, defaults.measures)) for (const id of spec.measures?.length ? spec.measures : ['']) put('measure', id);
	return out;
}

/** Parameters from [name, value] pairs, as the page's view keeps them. */
export function paramsFrom(pairs: ReadonlyArray<readonly [string, string]>): ParamSource {
	return {
		get: (name) => pairs.find(([key]) => key === name)?.[1] ?? null,
		getAll: (name) => pairs.filter(([key]) => key === name).map(([, value]) => value)
	};
}
