// Appearance as data, after Gephi Lite: each node channel (colour, size, shape) is mapped from a field, as a partition
// (one colour or shape per category) or a ranking (numbers on a scale). Fields are the node type, partners among the
// shown ties, the Louvain community, an analysis metric, or any attribute the dataset's nodes carry. The URL holds a
// channel's choice as a token; resolveAppearance turns the choices into what each node is drawn with, for the canvas
// and the legend alike.
import { blankWhy, METRIC_IDS, METRICS, type MetricId } from '$lib/analysis/metrics';
import type { Dataset } from '$lib/model';
import { attributeCatalogue, categoryKey, categoryLabel, fieldValue, NOT_RECORDED, type AttributeInfo } from './attributes';
import { CATEGORY_HUES, CATEGORY_OTHER, CATEGORY_OTHER_SHAPE, CATEGORY_SHAPES, RANKING_RAMP, type NodeShape } from './palette';

export type Channel = 'colour' | 'size' | 'shape';
export const CHANNELS: readonly Channel[] = ['colour', 'size', 'shape'];

export type FieldRef =
	| { source: 'type' }
	| { source: 'partners' }
	| { source: 'community' }
	| { source: 'metric'; id: MetricId }
	| { source: 'attribute'; name: string };

/** A channel's choice: a field, as categories or ordered by value; `as` null maps it as its values say (numbers ranked). */
export interface ChannelChoice {
	field: FieldRef;
	as: 'partition' | 'ranking' | null;
}

/** Node type colours and shapes, and size by partners: what the URL's absence of a choice means. */
export const DEFAULT_CHOICES: Readonly<Record<Channel, ChannelChoice>> = {
	colour: { field: { source: 'type' }, as: 'partition' },
	size: { field: { source: 'partners' }, as: 'ranking' },
	shape: { field: { source: 'type' }, as: 'partition' }
};

const ATTRIBUTE = 'attr:';
const PARTITION = 'partition:';
const METRIC = 'metric:';
const COMMUNITY = 'community';

/** Which tokens each channel takes: colour every kind, size numbers only, shape categories only. */
const TAKES: Record<Channel, ReadonlySet<string>> = {
	colour: new Set([ATTRIBUTE, PARTITION, METRIC, COMMUNITY]),
	size: new Set([ATTRIBUTE, METRIC]),
	shape: new Set([ATTRIBUTE])
};

const isMetric = (id: string): id is MetricId => (METRIC_IDS as readonly string[]).includes(id);

/**
 * A channel's choice from its URL token: `community`, `metric:ID`, `attr:NAME` (as the values say) or `partition:NAME`
 * (a number's values as categories). null for no token or one the channel cannot take (the default then).
 */
export function readChoice(channel: Channel, token: string | null): ChannelChoice | null {
	if (token === null) return null;
	const takes = TAKES[channel];
	if (token === COMMUNITY) return takes.has(COMMUNITY) ? { field: { source: 'community' }, as: 'partition' } : null;
	for (const prefix of [ATTRIBUTE, PARTITION, METRIC]) {
		if (!token.startsWith(prefix) || !takes.has(prefix)) continue;
		const rest = token.slice(prefix.length);
		if (rest === '') return null;
		if (prefix === METRIC) return isMetric(rest) ? { field: { source: 'metric', id: rest }, as: 'ranking' } : null;
		return { field: { source: 'attribute', name: rest }, as: prefix === PARTITION ? 'partition' : null };
	}
	return null;
}

/** The URL token of a choice; null for the default. */
export function choiceToken(choice: ChannelChoice): string | null {
	const { field } = choice;
	if (field.source === 'community') return COMMUNITY;
	if (field.source === 'metric') return `${METRIC}${field.id}`;
	if (field.source === 'attribute') return `${choice.as === 'partition' ? PARTITION : ATTRIBUTE}${field.name}`;
	return null;
}

export interface CategoryMark {
	key: string;
	label: string;
	/** how many nodes of the whole dataset hold it */
	count: number;
}

export type ColourEncoding =
	| { type: 'types' }
	| { type: 'partition'; title: string; categories: Array<CategoryMark & { colour: string }>; keyOf: ReadonlyMap<string, string>; byNode: ReadonlyMap<string, string> }
	| { type: 'ranking'; title: string; low: number; high: number; missing: number; byNode: ReadonlyMap<string, string> };

export type SizeEncoding =
	| { type: 'partners'; fewest: number; most: number; byNode: ReadonlyMap<string, number> }
	| { type: 'ranking'; title: string; low: number; high: number; missing: number; byNode: ReadonlyMap<string, number> };

export type ShapeEncoding =
	| { type: 'types' }
	| { type: 'partition'; title: string; categories: Array<CategoryMark & { shape: NodeShape }>; keyOf: ReadonlyMap<string, string>; byNode: ReadonlyMap<string, NodeShape> };

export interface NodeAppearance {
	colour: ColourEncoding;
	size: SizeEncoding;
	shape: ShapeEncoding;
	/** the size ranking's values, by which the concentric layout rings nodes; null: rings by degree */
	ring: ReadonlyMap<string, number> | null;
	/** choices that could not be followed, and why, in words */
	notes: string[];
}

/** What appearance reads besides the dataset: the analysis' results when a channel needs them. */
export interface AppearanceInputs {
	/** distinct partners of each shown node among the shown ties */
	partners: ReadonlyMap<string, number>;
	/** the layer's metrics by node id, once computed */
	metrics: Readonly<Record<string, Readonly<Record<MetricId, number | null>>>> | null;
	/** Louvain community of each node (0 the largest), once computed */
	communities: Readonly<Record<string, number>> | null;
}

export const NODE_SIZE = { min: 18, max: 60 } as const;

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The default size: diameter from NODE_SIZE.min for the fewest partners to NODE_SIZE.max for the most, with the
 * area (not the diameter) growing in proportion to the number of partners.
 */
export function sizeByPartners(partners: ReadonlyMap<string, number>): Map<string, number> {
	const { low, high } = bounds(partners.values());
	const sizes = new Map<string, number>();
	for (const [id, count] of partners) {
		const share = high === low ? 0.5 : (Math.sqrt(count) - Math.sqrt(low)) / (Math.sqrt(high) - Math.sqrt(low));
		sizes.set(id, round1(NODE_SIZE.min + share * (NODE_SIZE.max - NODE_SIZE.min)));
	}
	return sizes;
}

/** A node's diameter for a value ranked from low to high: the area grows in proportion, from the smallest size to the largest. */
export function rankedSize(value: number, low: number, high: number): number {
	const share = high === low ? 0.5 : (value - low) / (high - low);
	return round1(Math.sqrt(NODE_SIZE.min ** 2 + share * (NODE_SIZE.max ** 2 - NODE_SIZE.min ** 2)));
}

function hex(colour: string): [number, number, number] {
	return [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16)) as [number, number, number];
}

/** The ramp's colour at a share from 0 (lowest) to 1 (highest), interpolated between its stops. */
export function rampColour(share: number): string {
	const at = Math.min(Math.max(share, 0), 1) * (RANKING_RAMP.length - 1);
	const i = Math.min(Math.floor(at), RANKING_RAMP.length - 2);
	const [from, to] = [hex(RANKING_RAMP[i]!), hex(RANKING_RAMP[i + 1]!)];
	const mix = from.map((channel, c) => Math.round(channel + (to[c]! - channel) * (at - i)));
	return `#${mix.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** Each node's number from a field, for a ranking; nodes without one are left out. */
type Values = Map<string, number>;

function fieldTitle(field: FieldRef): string {
	switch (field.source) {
		case 'type':
			return 'node type';
		case 'partners':
			return 'partners among the shown ties';
		case 'community':
			return 'community (Louvain)';
		case 'metric':
			return METRICS.find((metric) => metric.id === field.id)?.label ?? field.id;
		case 'attribute':
			return field.name;
	}
}

interface Context {
	dataset: Dataset;
	catalogue: ReadonlyMap<string, AttributeInfo>;
	inputs: AppearanceInputs;
	notes: string[];
}

function numbersOf(field: FieldRef, context: Context): Values | null {
	const values: Values = new Map();
	if (field.source === 'metric') {
		const metrics = context.inputs.metrics;
		if (!metrics) return null;
		for (const node of context.dataset.nodes) {
			const value = Object.hasOwn(metrics, node.id) ? metrics[node.id]![field.id] : null;
			if (value !== null && Number.isFinite(value)) values.set(node.id, value);
		}
		return values;
	}
	if (field.source === 'attribute') {
		for (const node of context.dataset.nodes) {
			const value = fieldValue(node, field.name);
			if (typeof value === 'number' && Number.isFinite(value)) values.set(node.id, value);
		}
		return values;
	}
	return null;
}

/** Each node's category key, and the categories most frequent first, for a partition. */
function categoriesOf(field: FieldRef, context: Context): { keyOf: Map<string, string>; categories: CategoryMark[] } | null {
	const keyOf = new Map<string, string>();
	if (field.source === 'community') {
		const communities = context.inputs.communities;
		if (!communities) return null;
		const counts = new Map<string, number>();
		for (const node of context.dataset.nodes) {
			const community = Object.hasOwn(communities, node.id) ? communities[node.id] : undefined;
			const key = community === undefined ? NOT_RECORDED : String(community);
			keyOf.set(node.id, key);
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		const categories = [...counts]
			.map(([key, count]) => ({ key, count, label: key === NOT_RECORDED ? 'no community' : `community ${Number(key) + 1}` }))
			.sort((a, b) => (a.key === NOT_RECORDED ? 1 : b.key === NOT_RECORDED ? -1 : Number(a.key) - Number(b.key)));
		return { keyOf, categories };
	}
	if (field.source !== 'attribute') return null;
	const info = context.catalogue.get(field.name);
	if (!info || info.categories.length === 0) return null;
	for (const node of context.dataset.nodes) keyOf.set(node.id, categoryKey(fieldValue(node, field.name)) ?? NOT_RECORDED);
	return { keyOf, categories: info.categories.map(({ key, count }) => ({ key, count, label: categoryLabel(key) })) };
}

/** The choice as the field's values allow: a number attribute ranks unless asked as categories; else categories. */
function settle(channel: Channel, choice: ChannelChoice, context: Context): ChannelChoice {
	const { field } = choice;
	if (field.source !== 'attribute') return choice;
	const info = context.catalogue.get(field.name);
	const fallback = (why: string) => {
		context.notes.push(`${channel === 'colour' ? 'Colour' : channel === 'size' ? 'Size' : 'Shape'}: ${why}; ${describeDefault(channel)} instead.`);
		return DEFAULT_CHOICES[channel];
	};
	if (!info) return fallback(`no node attribute “${field.name}” can be used`);
	if (channel === 'size' && info.kind !== 'number') return fallback(`“${field.name}” holds categories, not numbers`);
	if (channel === 'shape' && info.categories.length === 0) return fallback(`“${field.name}” has too many values for shapes`);
	if (choice.as === 'partition' && info.categories.length === 0) return fallback(`“${field.name}” has too many values to colour as categories`);
	const as = choice.as ?? (info.kind === 'number' && channel !== 'shape' ? 'ranking' : 'partition');
	return { field, as };
}

function describeDefault(channel: Channel): string {
	return channel === 'size' ? 'sized by partners' : channel === 'colour' ? 'coloured by node type' : 'shaped by node type';
}

/** The lowest and highest value, in a loop: Math.min(...values) overflows the stack past ~120,000 nodes. */
export function bounds(values: Iterable<number>): { low: number; high: number } {
	let low = Infinity;
	let high = -Infinity;
	for (const value of values) {
		low = Math.min(low, value);
		high = Math.max(high, value);
	}
	return { low, high };
}

function waiting(channel: Channel, field: FieldRef, context: Context) {
	context.notes.push(`${channel === 'colour' ? 'Colour' : 'Size'}: ${fieldTitle(field)} is being computed; ${describeDefault(channel)} meanwhile.`);
}

/** Whether a measure has no value for any node of the layer (eigenvector that did not settle): then a note says why. */
function noValues(channel: 'colour' | 'size', field: FieldRef, values: Values, context: Context): boolean {
	if (values.size > 0 || field.source !== 'metric' || context.dataset.nodes.length === 0) return false;
	context.notes.push(`${channel === 'colour' ? 'Colour' : 'Size'}: ${fieldTitle(field)} is blank on this layer (${blankWhy(field.id)}); ${describeDefault(channel)} instead.`);
	return true;
}

function colourEncoding(choice: ChannelChoice, context: Context): ColourEncoding {
	const { field } = choice;
	if (field.source === 'type') return { type: 'types' };
	if (choice.as === 'ranking') {
		const values = numbersOf(field, context);
		if (!values) {
			waiting('colour', field, context);
			return { type: 'types' };
		}
		if (noValues('colour', field, values, context)) return { type: 'types' };
		const { low, high } = bounds(values.values());
		const byNode = new Map<string, string>();
		for (const node of context.dataset.nodes) {
			const value = values.get(node.id);
			byNode.set(node.id, value === undefined ? CATEGORY_OTHER : rampColour(high === low ? 0.5 : (value - low) / (high - low)));
		}
		return { type: 'ranking', title: fieldTitle(field), low, high, missing: context.dataset.nodes.length - values.size, byNode };
	}
	const found = categoriesOf(field, context);
	if (!found) {
		waiting('colour', field, context);
		return { type: 'types' };
	}
	let hue = 0;
	const categories = found.categories.map((category) => ({
		...category,
		colour: category.key === NOT_RECORDED ? CATEGORY_OTHER : (CATEGORY_HUES[hue++] ?? CATEGORY_OTHER)
	}));
	const colourOf = new Map(categories.map((category) => [category.key, category.colour]));
	const byNode = new Map([...found.keyOf].map(([id, key]) => [id, colourOf.get(key) ?? CATEGORY_OTHER]));
	return { type: 'partition', title: fieldTitle(field), categories, keyOf: found.keyOf, byNode };
}

function sizeEncoding(choice: ChannelChoice, context: Context): { size: SizeEncoding; ring: Values | null } {
	const { field } = choice;
	const found = field.source === 'partners' ? null : numbersOf(field, context);
	if (!found && field.source !== 'partners') waiting('size', field, context);
	const values = found && !noValues('size', field, found, context) ? found : null;
	if (!values) {
		const { partners } = context.inputs;
		const { low, high } = bounds(partners.values());
		return {
			size: { type: 'partners', fewest: partners.size ? low : 0, most: partners.size ? high : 0, byNode: sizeByPartners(partners) },
			ring: null
		};
	}
	const { low, high } = bounds(values.values());
	const byNode = new Map<string, number>();
	for (const node of context.dataset.nodes) {
		const value = values.get(node.id);
		byNode.set(node.id, value === undefined ? NODE_SIZE.min : rankedSize(value, low, high));
	}
	return { size: { type: 'ranking', title: fieldTitle(field), low, high, missing: context.dataset.nodes.length - values.size, byNode }, ring: values };
}

function shapeEncoding(choice: ChannelChoice, context: Context): ShapeEncoding {
	const found = choice.field.source === 'type' ? null : categoriesOf(choice.field, context);
	if (!found) return { type: 'types' };
	let next = 0;
	const categories = found.categories.map((category) => ({
		...category,
		shape: category.key === NOT_RECORDED ? CATEGORY_OTHER_SHAPE : (CATEGORY_SHAPES[next++] ?? CATEGORY_OTHER_SHAPE)
	}));
	const shapeOf = new Map(categories.map((category) => [category.key, category.shape]));
	const byNode = new Map([...found.keyOf].map(([id, key]) => [id, shapeOf.get(key) ?? CATEGORY_OTHER_SHAPE]));
	return { type: 'partition', title: fieldTitle(choice.field), categories, keyOf: found.keyOf, byNode };
}

/** The node attributes appearance can use, by name. */
export function nodeAttributes(dataset: Dataset): Map<string, AttributeInfo> {
	return new Map(attributeCatalogue(dataset, 'node').map((info) => [info.name, info]));
}

/**
 * What every node is drawn with, from the channels' URL tokens. A choice the data cannot follow (an unknown
 * attribute, categories to size by) falls back to the default with a note; one waiting for the analysis, too.
 */
export function resolveAppearance(
	dataset: Dataset,
	tokens: Readonly<Record<Channel, string | null>>,
	inputs: AppearanceInputs,
	catalogue: ReadonlyMap<string, AttributeInfo> = nodeAttributes(dataset)
): NodeAppearance {
	const context: Context = { dataset, catalogue, inputs, notes: [] };
	const choice = (channel: Channel) => settle(channel, readChoice(channel, tokens[channel]) ?? DEFAULT_CHOICES[channel], context);
	const colour = colourEncoding(choice('colour'), context);
	const { size, ring } = sizeEncoding(choice('size'), context);
	const shape = shapeEncoding(choice('shape'), context);
	return { colour, size, shape, ring, notes: context.notes };
}

/** Whether a channel token needs the analysis: the layer's metrics, or its communities. */
export function needsAnalysis(token: string | null): 'metrics' | 'communities' | null {
	if (token === COMMUNITY) return 'communities';
	return token?.startsWith(METRIC) ? 'metrics' : null;
}
