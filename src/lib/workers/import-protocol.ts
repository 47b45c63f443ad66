// Messages between the page and the import worker: the chosen or dropped files in, what reading them gave out.
import type { ReadResult } from '$lib/io/types';

export interface ImportJob {
	files: File[];
}

export type ImportReply = { type: 'result'; result: ReadResult } | { type: 'error'; message: string };
