// bridgeStory: the bridge report in plain policy language, generated from its numbers. Every figure is a part that
// carries the ties behind it, so the page can open their evidence. It says so when the broker is not the bridge.
import type { Dataset } from '../model';
import { nameInText } from '../model/names';
import type { BridgeReport, BridgeScenario, BridgeSlice } from './bridge';
import { count, formatMetric, formatShare, joinWords } from './format';
import { edgeInLayer } from './layer';

/** A piece of text, or a figure with the ties (and nodes) it stands for. */
export type StoryPart = string | { text: string; edges: string[]; nodes?: string[] };

/** Where the broker stands between the pair in one slice. */
export type Verdict = 'tied-directly' | 'only-bridge' | 'one-of-several' | 'not-on-route' | 'not-connected';

export function verdictOf(slice: BridgeSlice): Verdict {
	if (slice.distance === null) return 'not-connected';
	if (slice.throughBroker === 0) return slice.direct.cooperation.length > 0 && slice.paths > 0 ? 'tied-directly' : 'not-on-route';
	return slice.throughBroker === slice.paths ? 'only-bridge' : 'one-of-several';
}

export interface BridgeStory {
	/** one paragraph for the current ties, one for the brief's proposals when the dataset has them */
	paragraphs: StoryPart[][];
	verdicts: { current: Array<{ domain: string | null; verdict: Verdict }>; proposals: Array<{ domain: string | null; verdict: Verdict }> | null };
}

const lower = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

const VERDICT_WORDS: Record<Verdict, string> = {
	'only-bridge': 'their only bridge',
	'one-of-several': 'one bridge among others',
	'not-on-route': 'not their bridge',
	'tied-directly': 'not between them (they are tied directly)',
	'not-connected': 'not their bridge (nothing links them)'
};

export function bridgeStory(report: BridgeReport, dataset: Dataset): BridgeStory {
	const edges = new Map(dataset.edges.map((edge) => [edge.id, edge]));
	const nodes = new Map(dataset.nodes.map((node) => [node.id, node]));
	const inText = (id: string) => {
		const node = nodes.get(id);
		return node ? nameInText(node) : id;
	};
	const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
	const tieName = (id: string) => {
		const edge = edges.get(id);
		return edge ? `“${edge.label ?? edge.relation ?? edge.id}”` : id;
	};
	const [a, b, broker] = [inText(report.pair[0]), inText(report.pair[1]), inText(report.broker)];

	/** The slice's cooperation ties between consecutive nodes of its routes that pass the test. */
	const routeTies = (slice: BridgeSlice, test: (route: string[]) => boolean) => {
		const ids = new Set<string>();
		for (const route of slice.routes.filter(test))
			for (let i = 1; i < route.length; i++)
				for (const edge of dataset.edges) {
					const between = (edge.source === route[i - 1] && edge.target === route[i]) || (edge.target === route[i - 1] && edge.source === route[i]);
					if (between && edgeInLayer(edge, slice.layer)) ids.add(edge.id);
				}
		return [...ids];
	};

	/** "…have no direct cooperation tie; their shortest routes are …": a slice where they are not tied directly. */
	function routeParts(slice: BridgeSlice, where: string): StoryPart[] {
		const verdict = verdictOf(slice);
		const parts: StoryPart[] = [`${where}, they have no direct cooperation tie`];
		if (slice.direct.friction.length) parts.push(' (only ', { text: count(slice.direct.friction.length, 'friction tie'), edges: slice.direct.friction }, ')');
		if (verdict === 'not-connected') return [...parts, `, and no chain of cooperation ties links them, so ${broker} cannot be their bridge there. `];
		const steps = slice.layer.weighted ? `of length ${formatMetric(slice.distance)}` : `of ${formatMetric(slice.distance)} steps`;
		parts.push('; their shortest links are ', { text: `${count(slice.paths, 'route')} ${steps}`, edges: routeTies(slice, () => true) }, ', and ');
		const viaBroker = routeTies(slice, (route) => route.includes(report.broker));
		if (verdict === 'not-on-route') parts.push(`none runs through ${broker}: it is not their bridge there`);
		else if (verdict === 'only-bridge') parts.push({ text: slice.paths === 1 ? 'it runs' : 'every one runs', edges: viaBroker }, ` through ${broker}: it is their only bridge there`);
		else
			parts.push({ text: `${slice.throughBroker} of them (${formatShare(slice.share)})`, edges: viaBroker }, ` ${slice.throughBroker === 1 ? 'runs' : 'run'} through ${broker}: it is one bridge among others there`);
		const forums = new Set(slice.forums.filter((forum) => forum.facilitatedBy.length).map((forum) => forum.id));
		const extra = slice.throughBrokerOrForum - slice.throughBroker;
		if (extra > 0)
			parts.push(
				'; ',
				{ text: `${extra} more`, edges: routeTies(slice, (route) => !route.includes(report.broker) && route.some((node) => forums.has(node))) },
				` ${extra === 1 ? 'passes' : 'pass'} through ${joinWords([...forums].map(inText), 'or')}, which ${broker} facilitates`
			);
		if (verdict === 'not-on-route') return [...parts, '. '];
		const without = slice.distanceWithoutBroker;
		return [...parts, without === null ? `. Without ${broker} they would be cut apart. ` : `. Without ${broker} they would be ${formatMetric(without)} steps apart. `];
	}

	function scenarioParagraph(scenario: BridgeScenario, opening: string): StoryPart[] {
		const [overall, ...fields] = scenario.slices;
		const parts: StoryPart[] = [`${opening} (${lower(scenario.layerSentence)}): `];
		const direct = fields.filter((slice) => verdictOf(slice) === 'tied-directly');
		if (direct.length) {
			parts.push(`${capital(a)} and ${b} are tied directly in `);
			direct.forEach((slice, i) => {
				parts.push(i ? (i === direct.length - 1 ? ' and ' : ', ') : '', `${slice.domain} (`, { text: count(slice.direct.cooperation.length, 'tie'), edges: slice.direct.cooperation });
				if (slice.direct.friction.length) parts.push(', against ', { text: count(slice.direct.friction.length, 'friction tie'), edges: slice.direct.friction });
				parts.push(')');
			});
			parts.push(`, so no third party stands between them in ${direct.length === 1 ? 'that field' : 'those fields'}. `);
		}
		for (const slice of fields.filter((slice) => verdictOf(slice) !== 'tied-directly')) parts.push(...routeParts(slice, `In ${slice.domain}`));
		if (overall) {
			if (verdictOf(overall) === 'tied-directly') {
				parts.push('Across all fields they are tied directly (', { text: count(overall.direct.cooperation.length, 'cooperation tie'), edges: overall.direct.cooperation });
				if (overall.direct.friction.length) parts.push(', against ', { text: count(overall.direct.friction.length, 'friction tie'), edges: overall.direct.friction });
				parts.push(`), so on this layer's shortest paths ${broker} does not stand between them. `);
			} else parts.push(...routeParts(overall, 'Across all fields'));
			if (overall.forums.length) {
				parts.push('All three have ties to ', { text: count(overall.forums.length, 'forum or mechanism', 'forums and mechanisms'), edges: overall.forums.flatMap((forum) => forum.edgeIds), nodes: overall.forums.map((forum) => forum.id) }, ': ');
				overall.forums.forEach((forum, i) => {
					parts.push(i ? (i === overall.forums.length - 1 ? ' and ' : ', ') : '', { text: inText(forum.id), edges: forum.edgeIds, nodes: [forum.id] });
					if (forum.facilitatedBy.length) parts.push(` (which ${broker} `, { text: 'facilitates', edges: forum.facilitatedBy }, ')');
				});
				parts.push('. ');
			} else parts.push('No forum or mechanism has ties to all three. ');
			if (overall.facilitation.length)
				parts.push(`${capital(broker)} facilitates `, { text: count(overall.facilitation.length, 'tie'), edges: overall.facilitation }, ` around them: ${overall.facilitation.map(tieName).join('; ')}. `);
			else parts.push(`The data records no tie by which ${broker} facilitates between them. `);
		}
		const byVerdict = new Map<Verdict, string[]>();
		for (const slice of fields) byVerdict.set(verdictOf(slice), [...(byVerdict.get(verdictOf(slice)) ?? []), slice.domain ?? 'every field']);
		if (fields.length) {
			const clauses = [...byVerdict].map(([verdict, domains]) => `${VERDICT_WORDS[verdict]} in ${joinWords(domains, 'and')}`);
			parts.push(`In short, ${broker} is ${joinWords(clauses, 'and', '; ')}.`);
		}
		return parts;
	}

	const verdicts = (scenario: BridgeScenario) => scenario.slices.map((slice) => ({ domain: slice.domain, verdict: verdictOf(slice) }));
	const paragraphs = [scenarioParagraph(report.current, 'As the ties stand')];
	if (report.proposals) paragraphs.push(scenarioParagraph(report.proposals, "With the brief's proposals"));
	return { paragraphs, verdicts: { current: verdicts(report.current), proposals: report.proposals ? verdicts(report.proposals) : null } };
}

/** A story's parts as plain text (for the export caption, the CLI and tests). */
export function storyText(parts: StoryPart[]): string {
	return parts.map((part) => (typeof part === 'string' ? part : part.text)).join('').replace(/\s+/g, ' ').trim();
}
