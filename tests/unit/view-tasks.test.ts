import { describe, expect, it } from 'vitest';
import { afterPaint, afterTasks, inSlices, nextTask, partsInTasks } from '$lib/view/tasks';

describe('work spread over tasks', () => {
	it('goes on after the tasks already queued, not in the caller’s task', async () => {
		const order: string[] = [];
		setTimeout(() => order.push('queued before'));
		const after = nextTask().then(() => order.push('after nextTask'));
		queueMicrotask(() => order.push('microtask'));
		expect(order).toEqual([]);
		await after;
		expect(order).toEqual(['microtask', 'queued before', 'after nextTask']);
	});

	it('goes on after the next frame and a task after it, when the frame has been painted', async () => {
		const order: string[] = [];
		const frames: FrameRequestCallback[] = [];
		const saved = globalThis.requestAnimationFrame;
		globalThis.requestAnimationFrame = (callback) => frames.push(callback);
		try {
			const after = afterPaint().then(() => order.push('after afterPaint'));
			await nextTask();
			expect(order).toEqual([]);
			// The frame: its callbacks run, then the paint, then the tasks queued meanwhile.
			frames.splice(0).forEach((callback) => callback(0));
			order.push('frame');
			await after;
			expect(order).toEqual(['frame', 'after afterPaint']);
		} finally {
			globalThis.requestAnimationFrame = saved;
		}
	});

	it('runs the steps in order, none in the caller’s task, and stops when told', async () => {
		const ran: number[] = [];
		const all = afterTasks([() => ran.push(1), () => ran.push(2)], () => true);
		expect(ran).toEqual([]);
		expect(await all).toBe(true);
		expect(ran).toEqual([1, 2]);
		let going = true;
		const stopped = afterTasks([() => ((going = false), ran.push(3)), () => ran.push(4)], () => going);
		expect(await stopped).toBe(false);
		expect(ran).toEqual([1, 2, 3]);
	});

	it('covers every item once, in chunks, over as many tasks as the budget needs', async () => {
		const chunks: [number, number][] = [];
		let tasks = 0;
		const done = inSlices(
			1050,
			100,
			1,
			(from, to) => {
				chunks.push([from, to]);
				const start = performance.now();
				while (performance.now() - start < 0.6);
			},
			() => (tasks++, true)
		);
		expect(chunks).toEqual([]);
		expect(await done).toBe(true);
		expect(chunks.map(([from]) => from)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
		expect(chunks.at(-1)).toEqual([1000, 1050]);
		// 1 ms a task and 0.6 ms a chunk: at most two chunks a task, so at least six tasks.
		expect(tasks).toBeGreaterThanOrEqual(6);
	});

	it('does a chunk a task even on no budget, stops between tasks once no longer wanted, and says so', async () => {
		let seen = 0;
		let checks = 0;
		const done = inSlices(
			10_000,
			1,
			0,
			() => seen++,
			() => ++checks < 3
		);
		expect(await done).toBe(false);
		// going() held for two tasks: one item each.
		expect(seen).toBe(2);
	});

	it('makes the parts one per task, from 1 up, none in the caller’s task, until stopped', async () => {
		const task = () => new Promise((resolve) => setTimeout(resolve));
		const made: number[] = [];
		partsInTasks(3, (part) => made.push(part));
		expect(made).toEqual([]);
		await task();
		expect(made).toEqual([1]);
		await task();
		await task();
		await task();
		expect(made).toEqual([1, 2, 3]);
		const some: number[] = [];
		const stop = partsInTasks(3, (part) => some.push(part));
		await task();
		stop();
		await task();
		await task();
		expect(some).toEqual([1]);
	});
});
