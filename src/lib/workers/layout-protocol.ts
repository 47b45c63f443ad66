// Messages between the page and the layout worker. Positions travel as transferable Float64Arrays (x, y per node).
import type { ForceLayoutInput } from '$lib/view/force-layout';

export type LayoutEngine = 'fcose' | 'forceatlas2';

export interface LayoutJob extends ForceLayoutInput {
	engine: LayoutEngine;
}

export type LayoutReply =
	| { type: 'progress'; positions: Float64Array; done: number; total: number }
	| { type: 'done'; positions: Float64Array }
	| { type: 'error'; message: string };
