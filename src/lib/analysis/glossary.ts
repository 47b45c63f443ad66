// The glossary: every metric, report and term the analysis shows, in one or two plain sentences. The panels link each
// term to its entry; the CLI and the README use the same words.
export interface GlossaryEntry {
	id: string;
	term: string;
	text: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
	{
		id: 'layer',
		term: 'Layer',
		text: 'The ties the analysis counts, said in one sentence: which kind (cooperation, friction or both), which fields, which statuses, whether the brief’s proposals are in, and as of which date. Every number is computed on one layer and names it.'
	},
	{
		id: 'status',
		term: 'Active, stalled, proposed',
		text: 'Active ties are in force; stalled ties exist on paper but are frozen or suspended (the Six-Party Talks, the Japan–ROK FTA talks); proposed ties are the brief’s recommendations, which do not exist yet.'
	},
	{
		id: 'as-of',
		term: 'As of',
		text: 'Only ties in force at some point in that month (or year, or day) count: a tie dated from a later month, or ended earlier, is left out. Undated ties always count.'
	},
	{
		id: 'strength',
		term: 'Pair strength',
		text: 'Two nodes with several ties between them count as one connection. Its strength is, as chosen, the weight of the strongest tie (the default), the sum of the weights, or the number of ties. A tie’s weight is the dataset’s own (in the brief’s dataset, the curator’s 1–3 judgement of how strong the brief says the tie is; 1 when a dataset gives none).'
	},
	{
		id: 'weighted',
		term: 'Use strengths',
		text: 'Off (the default), every connection is one step. On, a strong connection is a short step (length 1/strength) in every path-based measure, and a heavier weight in eigenvector, PageRank and Burt’s measures.'
	},
	{ id: 'degree', term: 'Degree', text: 'The share of all other nodes a node is connected to on the layer.' },
	{ id: 'weightedDegree', term: 'Weighted degree', text: 'The sum of the strengths of a node’s connections.' },
	{
		id: 'betweenness',
		term: 'Betweenness',
		text: 'How often a node lies on the shortest routes between two other nodes, as a share of all such routes (0: never between others; 1: on every route between every pair).'
	},
	{ id: 'closeness', term: 'Closeness', text: 'How few steps a node needs to reach the others it can reach, scaled down when it reaches only part of the network.' },
	{ id: 'harmonic', term: 'Harmonic centrality', text: 'The sum of 1/steps to every other node: near nodes count most, unreachable ones not at all.' },
	{ id: 'eigenvector', term: 'Eigenvector centrality', text: 'A node scores high when it is connected to nodes that themselves score high.' },
	{ id: 'pagerank', term: 'PageRank', text: 'The share of time a random walk along the connections (restarting anywhere 15% of the time) spends at a node.' },
	{
		id: 'constraint',
		term: 'Constraint (Burt)',
		text: 'How much a node’s contacts are tied to each other. Low constraint means its contacts are otherwise apart, so it is in a position to broker between them.'
	},
	{ id: 'effectiveSize', term: 'Effective size (Burt)', text: 'The number of a node’s contacts that are not redundant, that is, not already tied to its other contacts.' },
	{
		id: 'route-share',
		term: 'Share of shortest routes',
		text: 'Of all the shortest routes between two nodes, the share that passes through the broker. 100% means the broker is their only bridge; 0% means it is on none of their shortest routes (for instance because they are tied directly).'
	},
	{
		id: 'forum',
		term: 'Forum or mechanism',
		text: 'A third party of another type than the pair (an institution, agreement or event, when the pair are states) with a tie on the layer to each of the pair and to the broker, whether membership, support or any other cooperation: a place where all three meet or a matter all three are engaged in.'
	},
	{
		id: 'facilitation',
		term: 'Facilitation tie',
		text: 'A tie recorded with the relation “facilitation”: the brief says the actor facilitates, hosts, convenes or brokers it. The bridge view lists the broker’s facilitation ties with either of the pair or with a mechanism both belong to.'
	},
	{
		id: 'bridged-pairs',
		term: 'Pairs it bridges',
		text: 'Pairs of other nodes with at least one shortest route through the broker; “the only route” when every shortest route between them passes through it.'
	},
	{
		id: 'removal',
		term: 'Without it',
		text: 'The network recomputed with the node taken out: which pairs lose every route to each other (cut apart) and which need more steps.'
	},
	{
		id: 'efficiency',
		term: 'Global efficiency',
		text: 'The average of 1/steps over all pairs of nodes (0 for pairs with no route): how easily the whole network connects.'
	},
	{ id: 'components', term: 'Components', text: 'Groups of nodes linked by some chain of ties; nodes in different components have no route to each other.' },
	{
		id: 'brokerage-roles',
		term: 'Brokerage roles (Gould–Fernandez)',
		text: 'For every two contacts of the broker that are not tied to each other, the role it plays between them, by the nodes’ groups: coordinator (all three in one group), itinerant (the two contacts in one group, the broker outside), gatekeeper or representative (the broker shares a group with one contact), liaison (three groups). Each open pair is counted in both directions.'
	},
	{
		id: 'balance',
		term: 'Structural balance',
		text: 'A triangle of three nodes tied to each other is balanced when it has no friction tie or exactly two (a friend of a friend is a friend; an enemy’s enemy a friend), and unbalanced otherwise.'
	},
	{
		id: 'community',
		term: 'Communities (Louvain)',
		text: 'Groups of nodes more densely connected inside than to the rest, found by the Louvain method with a fixed seed, so the same layer always gives the same groups.'
	},
	{ id: 'modularity', term: 'Modularity', text: 'How much denser the ties inside the communities are than chance would give: from about 0 (no structure) towards 1.' },
	{ id: 'shortest-path', term: 'Shortest path', text: 'A route between two nodes with the fewest steps (or, with strengths on, the smallest total length 1/strength).' },
	{ id: 'what-if', term: 'What if', text: 'Take chosen nodes or ties out of the layer and see how every node’s measures change.' },
	{ id: 'scenario', term: 'Scenario', text: 'The layer as the ties stand, against the same layer with the brief’s proposals added (all of them, or those of chosen measures).' },
	{
		id: 'rounding',
		term: 'Rounding',
		text: 'Measures are shown to three decimals and shares as whole percents; a share is never shown as 0% or 100% unless it is exactly that. Downloads carry full precision.'
	}
];

export function glossaryEntry(id: string): GlossaryEntry {
	const entry = GLOSSARY.find((candidate) => candidate.id === id);
	if (!entry) throw new Error(`glossaryEntry: no entry "${id}"`);
	return entry;
}
