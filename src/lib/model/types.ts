// The data contract's shapes as TypeScript types. Every object keeps unknown extra fields.
import type { DOMAINS, EDGE_KINDS, STATUSES } from './vocabulary';

export type EdgeKind = (typeof EDGE_KINDS)[number];
export type Domain = (typeof DOMAINS)[number];
export type Status = (typeof STATUSES)[number];

type Extra = { [field: string]: unknown };

export interface Evidence extends Extra {
	source: string;
	quote: string;
	locator?: string;
	cites?: string;
	/** where the quoted text is itself wrong: what is right and on whose authority */
	erratum?: string;
}

export interface Source extends Extra {
	id: string;
	title: string;
	authors?: string[];
	publisher?: string;
	year?: number;
	date?: string;
	url?: string;
	note?: string | null;
}

export interface DatasetNode extends Extra {
	id: string;
	label: string;
	type?: string;
	aliases?: string[];
	description?: string;
	group?: string;
	/** the node's name inside a sentence, with its article ("the United States"); default its label */
	textName?: string;
	/** the curator's note: a judgement, a caveat or an outside fact */
	note?: string | null;
	/** where the node is drawn, in layout coordinates */
	position?: { x: number; y: number };
}

export interface DatasetEdge extends Extra {
	id: string;
	source: string;
	target: string;
	kind: EdgeKind;
	relation?: string;
	/** absent only in imported plain graphs */
	domain?: Domain;
	status: Status;
	directed?: boolean;
	weight?: number;
	since?: string | null;
	until?: string | null;
	label?: string;
	measure?: string | null;
	/** the curator's note: a judgement, a caveat or an outside fact */
	note?: string | null;
	/** empty only in imported graphs ("no evidence recorded") */
	evidence: Evidence[];
}

export interface Measure extends Extra {
	id: string;
	domain: Domain;
	title: string;
	usRole?: string;
	note?: string | null;
	evidence?: Evidence[];
}

/** One edit made in the explorer, as the dataset's change log keeps it. */
export interface DatasetChange extends Extra {
	/** ISO date and time */
	at: string;
	summary: string;
}

export interface DatasetMeta extends Extra {
	id: string;
	title: string;
	description?: string;
	asOf?: string;
	/** the edits made in the explorer, oldest first */
	changes?: DatasetChange[];
}

export interface Dataset extends Extra {
	format: 'alliance-explorer/1';
	meta: DatasetMeta;
	sources?: Source[];
	nodes: DatasetNode[];
	edges: DatasetEdge[];
	measures?: Measure[];
}

/** One thing wrong with an input, for a user: where (JSON path, or line and column) and what. */
export interface Problem {
	path: string;
	message: string;
	line?: number;
	column?: number;
}

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };
