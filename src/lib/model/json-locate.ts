// A strict JSON reader that knows where things stand: the line and column of a syntax error, and of the values
// whose paths a message names (edges[12].evidence[0].quote). JSON.parse does the fast work; this runs for messages.
// Every pass here is one loop over the text with an explicit stack: no recursion, time and memory linear in the text,
// and nesting deeper than MAX_JSON_DEPTH is refused with its place before anything recurses over the value.

export interface Position {
	line: number;
	column: number;
}

/** Arrays and objects nested deeper than this are refused: nothing in the contract nests past 6 levels. */
export const MAX_JSON_DEPTH = 100;

export class JsonSyntaxError extends Error {
	constructor(
		message: string,
		readonly position: Position
	) {
		super(message);
	}
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** One step of a path as users read it, after the path so far: `[12]`, `.quote`, `["odd key"]`. */
function appendPath(path: string, key: string | number): string {
	if (typeof key === 'number') return `${path}[${key}]`;
	if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
	return `${path}[${JSON.stringify(key)}]`;
}

/** Renders a path the way users read it: `edges[12].evidence[0].quote`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
	let out = '';
	for (const key of path) out = appendPath(out, key);
	return out || '(root)';
}

/** Line and column (both from 1) of a character offset. */
export function positionAt(text: string, offset: number): Position {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

/** The text without a leading UTF-8 byte order mark (editors on Windows write one; JSON.parse refuses it). */
export function withoutBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The message for nesting past the limit, shared by JSON and the JSON held in XML attributes. */
export function tooDeepMessage(limit = MAX_JSON_DEPTH): string {
	return `arrays and objects nested deeper than ${limit} levels are refused (a dataset needs 6 at most)`;
}

/**
 * The offset of the bracket that opens level limit + 1, or -1 when the text nests no deeper than the limit.
 * Brackets inside strings do not count; the text need not be valid JSON.
 */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x22) {
			// Skip the string: a backslash escapes the next character.
			for (i++; i < text.length; i++) {
				const d = text.charCodeAt(i);
				if (d === 0x5c) i++;
				else if (d === 0x22) break;
			}
		} else if (c === 0x5b || c === 0x7b) {
			if (++depth > limit) return i;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return -1;
}

/** JSON.parse with the nesting limit; throws JsonSyntaxError with the place of the first problem. */
export function parseJson(text: string, limit = MAX_JSON_DEPTH): unknown {
	const deep = tooDeepAt(text, limit);
	if (deep !== -1) throw new JsonSyntaxError(tooDeepMessage(limit), positionAt(text, deep));
	try {
		return JSON.parse(text) as unknown;
	} catch {
		locateJson(text, new Set(), limit);
		throw new JsonSyntaxError('invalid JSON', { line: 1, column: 1 });
	}
}

interface Frame {
	/** '{' or '[' */
	kind: number;
	path: string;
	/** next array index */
	index: number;
}

/**
 * Walks the text once and maps the paths in `wanted` (every value's path when absent) to where their values
 * start; throws JsonSyntaxError on bad JSON or nesting past the limit.
 */
export function locateJson(text: string, wanted?: ReadonlySet<string>, limit = MAX_JSON_DEPTH): Map<string, Position> {
	const positions = new Map<string, Position>();
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let line = 1;
	let lineStart = 0;
	const stack: Frame[] = [];

	const here = (): Position => ({ line, column: i - lineStart + 1 });
	const fail = (what: string): never => {
		const found = i >= text.length ? 'end of file' : JSON.stringify(text[i]);
		throw new JsonSyntaxError(`${what}, found ${found}`, here());
	};
	const skipSpace = () => {
		for (; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 0x0a) {
				line++;
				lineStart = i + 1;
			} else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
		}
	};
	// A whole valid string in one native match; the character-by-character loop below only runs to name an error.
	// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters: the point of the check
	const STRING = /"[^"\\\u0000-\u001f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\u0000-\u001f]*)*"/y;
	const readString = (): string => {
		STRING.lastIndex = i;
		const match = STRING.exec(text);
		if (match) {
			i = STRING.lastIndex;
			return match[0].includes('\\') ? (JSON.parse(match[0]) as string) : match[0].slice(1, -1);
		}
		for (i++; i < text.length; i++) {
			const c = text[i]!;
			if (c === '"') break;
			if (c === '\\') {
				const next = text[i + 1] ?? '';
				if (next === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in string');
					i += 5;
				} else if ('"\\/bfnrt'.includes(next) && next !== '') i++;
				else {
					i++;
					fail('invalid escape in string');
				}
			} else if (c === '\n' || c.charCodeAt(0) < 0x20) fail('unescaped control character in string (strings cannot span lines)');
		}
		return fail('unterminated string');
	};
	const LITERAL = /true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
	const readLiteral = () => {
		LITERAL.lastIndex = i;
		if (!LITERAL.exec(text)) fail('expected a value (object, array, string, number, true, false or null)');
		i = LITERAL.lastIndex;
	};
	// Paths are only built when some are wanted: a pass that only looks for a syntax error skips them.
	const trackPaths = wanted === undefined || wanted.size > 0;
	/** Reads one value at `path`; an object or array is opened (pushed), its members read by the loop below. */
	const startValue = (path: string) => {
		skipSpace();
		if (trackPaths && (!wanted || wanted.has(path || '(root)'))) positions.set(path || '(root)', here());
		const c = text[i];
		if (c === '{' || c === '[') {
			if (stack.length >= limit) throw new JsonSyntaxError(tooDeepMessage(limit), here());
			i++;
			stack.push({ kind: c.charCodeAt(0), path, index: 0 });
		} else if (c === '"') readString();
		else readLiteral();
	};
	/** After a member of the innermost open object or array: the next member's path, or undefined when it closed. */
	const nextMember = (first: boolean): string | undefined => {
		const frame = stack[stack.length - 1]!;
		skipSpace();
		const close = frame.kind === 0x7b ? '}' : ']';
		if (first && text[i] === close) {
			i++;
			stack.pop();
			return undefined;
		}
		if (!first) {
			if (text[i] === close) {
				i++;
				stack.pop();
				return undefined;
			}
			if (text[i] !== ',') fail(frame.kind === 0x7b ? "expected ',' or '}' after property value" : "expected ',' or ']' after array item");
			i++;
		}
		if (frame.kind === 0x5b) return trackPaths ? appendPath(frame.path, frame.index++) : '';
		skipSpace();
		if (text[i] !== '"') fail('expected a property name in double quotes');
		const key = readString();
		skipSpace();
		if (text[i] !== ':') fail(`expected ':' after property name "${key}"`);
		i++;
		return trackPaths ? appendPath(frame.path, key) : '';
	};

	startValue('');
	// Whether the innermost open container has just been opened (no member read yet).
	let opened = stack.length > 0;
	while (stack.length) {
		const depth = stack.length;
		const path = nextMember(opened);
		if (path === undefined) {
			opened = false;
			continue;
		}
		startValue(path);
		opened = stack.length > depth;
	}
	skipSpace();
	if (i < text.length) fail('unexpected text after the end of the JSON value');
	return positions;
}
