// A strict JSON reader that knows where things stand: the line and column of a syntax error, and of
// every value by its path (edges[12].evidence[0].quote). JSON.parse does the fast work; this runs for messages.

export interface Position {
	line: number;
	column: number;
}

export class JsonSyntaxError extends Error {
	constructor(
		message: string,
		readonly position: Position
	) {
		super(message);
	}
}

/** Renders a path the way users read it: `edges[12].evidence[0].quote`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
		else out += `[${JSON.stringify(key)}]`;
	}
	return out || '(root)';
}

/** Walks the text once and maps every value's path to where it starts; throws JsonSyntaxError on bad JSON. */
export function locateJson(text: string): Map<string, Position> {
	const positions = new Map<string, Position>();
	let i = 0;
	let line = 1;
	let lineStart = 0;

	const here = (): Position => ({ line, column: i - lineStart + 1 });
	const fail = (what: string): never => {
		const found = i >= text.length ? 'end of file' : JSON.stringify(text[i]);
		throw new JsonSyntaxError(`${what}, found ${found}`, here());
	};
	const skipSpace = () => {
		for (; i < text.length; i++) {
			const c = text[i];
			if (c === '\n') {
				line++;
				lineStart = i + 1;
			} else if (c !== ' ' && c !== '\t' && c !== '\r') break;
		}
	};
	const readString = (): string => {
		const start = i;
		i++;
		for (; i < text.length; i++) {
			const c = text[i]!;
			if (c === '"') {
				i++;
				return JSON.parse(text.slice(start, i)) as string;
			}
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
	const readLiteral = () => {
		const m = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
		if (!m) fail('expected a value (object, array, string, number, true, false or null)');
		i += m![0].length;
	};
	const readValue = (path: Array<string | number>) => {
		skipSpace();
		positions.set(formatPath(path), here());
		const c = text[i];
		if (c === '{') {
			i++;
			skipSpace();
			if (text[i] === '}') {
				i++;
				return;
			}
			for (;;) {
				skipSpace();
				if (text[i] !== '"') fail('expected a property name in double quotes');
				const key = readString();
				skipSpace();
				if (text[i] !== ':') fail(`expected ':' after property name "${key}"`);
				i++;
				readValue([...path, key]);
				skipSpace();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === '}') {
					i++;
					return;
				}
				fail("expected ',' or '}' after property value");
			}
		} else if (c === '[') {
			i++;
			skipSpace();
			if (text[i] === ']') {
				i++;
				return;
			}
			for (let index = 0; ; index++) {
				readValue([...path, index]);
				skipSpace();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === ']') {
					i++;
					return;
				}
				fail("expected ',' or ']' after array item");
			}
		} else if (c === '"') readString();
		else readLiteral();
	};

	if (text.charCodeAt(0) === 0xfeff) i = 1;
	readValue([]);
	skipSpace();
	if (i < text.length) fail('unexpected text after the end of the JSON value');
	return positions;
}
