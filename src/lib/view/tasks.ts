// Work spread over tasks, so that no task holds the page: steps one task each, or a long run of items a few tens of
// milliseconds of them per task. Each stops when `going()` no longer holds (a newer build, another layout).

/** Resolves in a task of its own: what follows `await nextTask()` runs after the tasks already queued (a paint, a click). */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve));
}

/** Calls `then` in a task of its own after the next frame is painted; returns what cancels it. */
export function onNextPaint(then: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(then)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

/** Resolves after the next frame is painted: a status set before `await afterPaint()` is on screen when work holds the page. */
export function afterPaint(): Promise<void> {
	return new Promise((resolve) => void onNextPaint(resolve));
}

/** Runs each step in a task of its own while `going()` holds; resolves whether all ran. */
export async function afterTasks(steps: readonly (() => void)[], going: () => boolean): Promise<boolean> {
	for (const step of steps) {
		await nextTask();
		if (!going()) return false;
		step();
	}
	return true;
}

/**
 * Runs `work(from, to)` over the items 0 … count − 1, `chunk` at a time, for about `budgetMs` per task, starting in a
 * task of its own (at least one chunk a task), while `going()` holds; resolves whether all ran.
 */
export function inSlices(count: number, chunk: number, budgetMs: number, work: (from: number, to: number) => void, going: () => boolean): Promise<boolean> {
	return new Promise((resolve) => {
		let from = 0;
		const next = () => {
			if (!going()) return resolve(false);
			const until = performance.now() + budgetMs;
			// At least one chunk a task, however small the budget.
			do {
				const to = Math.min(count, from + chunk);
				work(from, to);
				from = to;
			} while (from < count && performance.now() < until);
			if (from < count) setTimeout(next);
			else resolve(true);
		};
		setTimeout(next);
	});
}

/**
 * Calls `onpart(1)`, `onpart(2)` … `onpart(parts)`, each in a task of its own, for views made a part at a time (a
 * large network's controls, its analysis sections); returns what stops it.
 */
export function partsInTasks(parts: number, onpart: (made: number) => void): () => void {
	let made = 0;
	let timer = setTimeout(function next() {
		onpart(++made);
		if (made < parts) timer = setTimeout(next);
	});
	return () => clearTimeout(timer);
}
