// What an import refuses before parsing: files over 50 MB, and XML with a DOCTYPE or entity declarations.
// Both checks run before any text reaches a parser, so nothing is expanded and nothing huge is read.
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

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)\b/i;

/** The refusal for XML that declares a DOCTYPE or entities (billion laughs, external entities), with its line. */
export function checkXmlDeclarations(file: string, text: string): ImportProblem | undefined {
	const match = DECLARATION.exec(text);
	if (!match) return undefined;
	const what = match[1]!.toUpperCase() === 'DOCTYPE' ? 'a DOCTYPE' : 'an entity declaration';
	return { file, line: lineAt(text, match.index), message: `XML with ${what} is refused (DOCTYPE and entity declarations are not allowed)` };
}
