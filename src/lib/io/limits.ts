// What an import refuses before parsing: files over 50 MB, XML with a DOCTYPE or entity declarations, and XML
// nested deeper than MAX_XML_DEPTH. The checks run before any text reaches a parser, so nothing is expanded,
// nothing huge is read and no parser recurses past a depth it can take.
import type { ImportProblem } from './types';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The refusal for a file of this many bytes, or undefined when it is small enough. Call it before reading the file. */
export function checkFileSize(file: string, bytes: number): ImportProblem | undefined {
	if (bytes <= MAX_FILE_BYTES) return undefined;
	return { file, message: `the file is ${megabytes(bytes)}; files over 50 MB are refused` };
}

/** UTF-8 length of a text, counted without encoding it. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/** checkFileSize for a text already in memory (its UTF-8 size). */
export function checkTextSize(file: string, text: string): ImportProblem | undefined {
	// Each UTF-16 unit is 1 to 3 UTF-8 bytes, so most texts are decided without counting.
	if (text.length > MAX_FILE_BYTES) return checkFileSize(file, text.length);
	if (text.length * 3 <= MAX_FILE_BYTES) return undefined;
	return checkFileSize(file, utf8Length(text));
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

/** Elements nested deeper than this are refused: GraphML and GEXF need 6 levels, yEd's graphics a dozen more. */
export const MAX_XML_DEPTH = 100;

/** The index where `end` closes what starts at `from`, past the end, or -1 when it never does. */
function after(text: string, end: string, from: number): number {
	const at = text.indexOf(end, from);
	return at === -1 ? -1 : at + end.length;
}

/**
 * The refusal for XML whose elements nest deeper than the limit, at the line of the first too-deep element.
 * One pass over the text, skipping comments, CDATA, processing instructions and quoted attribute values;
 * malformed XML is left to the validator.
 */
export function checkXmlNesting(file: string, text: string, limit = MAX_XML_DEPTH): ImportProblem | undefined {
	let depth = 0;
	for (let i = text.indexOf('<'); i !== -1 && i < text.length; i = text.indexOf('<', i)) {
		let next: number;
		if (text.startsWith('<!--', i)) next = after(text, '-->', i + 4);
		else if (text.startsWith('<![CDATA[', i)) next = after(text, ']]>', i + 9);
		else if (text[i + 1] === '?') next = after(text, '?>', i + 2);
		else if (text[i + 1] === '!') next = after(text, '>', i + 2);
		else if (text[i + 1] === '/') {
			depth--;
			next = after(text, '>', i + 2);
		} else {
			let j = i + 1;
			let quote = '';
			for (; j < text.length; j++) {
				const c = text[j]!;
				if (quote) {
					if (c === quote) quote = '';
				} else if (c === '"' || c === "'") quote = c;
				else if (c === '>') break;
			}
			if (j >= text.length) return undefined;
			if (text[j - 1] !== '/' && ++depth > limit)
				return { file, line: lineAt(text, i), message: `XML elements nested deeper than ${limit} levels are refused (GraphML and GEXF need 6)` };
			next = j + 1;
		}
		if (next === -1) return undefined;
		i = next;
	}
	return undefined;
}

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)\b/i;

/** The refusal for XML that declares a DOCTYPE or entities (billion laughs, external entities), with its line. */
export function checkXmlDeclarations(file: string, text: string): ImportProblem | undefined {
	const match = DECLARATION.exec(text);
	if (!match) return undefined;
	const what = match[1]!.toUpperCase() === 'DOCTYPE' ? 'a DOCTYPE' : 'an entity declaration';
	return { file, line: lineAt(text, match.index), message: `XML with ${what} is refused (DOCTYPE and entity declarations are not allowed)` };
}
