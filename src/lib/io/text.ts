// Bytes to text for dataset files: UTF-8, with or without a byte order mark. UTF-16 and bytes that are not UTF-8
// get a message saying so and where, instead of a parser's complaint about the first character.
import type { ImportProblem } from './types';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; ) {
		const b = bytes[i]!;
		const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (length === 0 || i + length > bytes.length) return i;
		for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
		// Overlong forms, surrogates and code points past U+10FFFF.
		const second = bytes[i + 1]!;
		if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
		i += length;
	}
	return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

/** A file's bytes as text: UTF-8, a leading byte order mark dropped; UTF-16 or invalid UTF-8 is a located problem. */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | ImportProblem {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return { file, message: 'is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8' };
	try {
		// TextDecoder drops a UTF-8 byte order mark itself.
		return { text: UTF8.decode(bytes) };
	} catch {
		const offset = firstInvalidUtf8(bytes);
		if (offset === -1) return { file, message: 'is not UTF-8 text: save the file as UTF-8' };
		return { file, line: lineOfByte(bytes, offset), message: `is not UTF-8 text: byte ${offset + 1} (0x${bytes[offset]!.toString(16).padStart(2, '0')}) cannot start or continue a UTF-8 character; save the file as UTF-8` };
	}
}
