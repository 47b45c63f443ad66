// XML plumbing shared by GraphML and GEXF: escaping for writing, and parsing with fast-xml-parser (Node and browser)
// after the limits checks, with line numbers for malformed input and for every element read.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkXmlDeclarations, checkXmlNesting } from './limits';
import type { ImportProblem } from './types';

/** Characters XML 1.0 cannot carry, not even as character references. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const XML_ILLEGAL_ALL = new RegExp(XML_ILLEGAL.source, 'g');

export const isXmlSafe = (text: string): boolean => !XML_ILLEGAL.test(text);

/** Text XML can carry: characters it cannot are replaced by U+FFFD (ids and GEXF labels only; data fields fall back to JSON). */
export const toXmlSafe = (text: string): string => text.replace(XML_ILLEGAL_ALL, '\uFFFD');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** Escapes an attribute value; tabs and line breaks become references so parsers do not normalise them to spaces. */
export const escapeAttribute = (text: string): string => text.replace(/[&<>"\r\n\t]/g, (c) => ESCAPES[c]!);

/** Escapes element text; a carriage return becomes a reference so parsers do not fold it into a line feed. */
export const escapeText = (text: string): string => text.replace(/[&<>\r]/g, (c) => ESCAPES[c]!);

/** JSON text that XML can carry: JSON.stringify already escapes controls and lone surrogates; U+FFFE/U+FFFF remain. */
export const encodeJson = (value: unknown): string =>
	JSON.stringify(value).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references in one pass (so &amp;#10; stays the text "&#10;"). */
export function decodeXml(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
		if (name[0] !== '#') return NAMED[name]!;
		const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

export type XmlElement = Record<string, unknown>;

export interface ParsedXml {
	root: XmlElement;
	/** the line an element starts on */
	lineOf: (element: XmlElement) => number | undefined;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/** Names the parser would refuse as object keys become "#name", which nothing here reads. */
const keyableName = (name: string): string => (PROTOTYPE_NAMES.has(name) ? `#${name}` : name);

/** Parses XML with namespace prefixes removed, attributes unprefixed, every value a string; listed tags always arrays. */
export function parseXml(file: string, text: string, arrayTags: ReadonlySet<string>): { ok: true; xml: ParsedXml } | { ok: false; problems: ImportProblem[] } {
	const refused = checkXmlDeclarations(file, text) ?? checkXmlNesting(file, text);
	if (refused) return { ok: false, problems: [refused] };
	const valid = XMLValidator.validate(text);
	if (valid !== true) {
		const { line, col, msg } = valid.err;
		return { ok: false, problems: [{ file, line, column: col, message: `malformed XML: ${msg}` }] };
	}
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '',
		removeNSPrefix: true,
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		processEntities: false,
		captureMetaData: true,
		ignoreDeclaration: true,
		ignorePiTags: true,
		isArray: (name, _path, _leaf, isAttribute) => !isAttribute && arrayTags.has(name),
		// Element and attribute names become object keys: these three are kept apart (GraphML and GEXF never use them).
		transformTagName: keyableName,
		transformAttributeName: keyableName,
		// XML turns literal tabs and line breaks in attribute values into spaces; references survive as characters.
		attributeValueProcessor: (_name, value) => decodeXml(value.replace(/[\t\n]/g, ' ')),
		tagValueProcessor: (_name, value) => decodeXml(value)
	});
	let root: XmlElement;
	try {
		root = parser.parse(text) as XmlElement;
	} catch (error) {
		// The validator and the checks above pass what the parser takes; this keeps any other refusal one located line.
		return { ok: false, problems: [{ file, message: `cannot be read as XML: ${error instanceof Error ? error.message : String(error)}` }] };
	}
	const lineStarts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
	const lineOf = (element: XmlElement) => {
		const start = (element as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex;
		if (start === undefined) return undefined;
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (lineStarts[mid]! <= start) low = mid;
			else high = mid - 1;
		}
		return low + 1;
	};
	return { ok: true, xml: { root, lineOf } };
}

/** The child elements of an element under a tag, as an array whatever the parser made of them. */
export function children(element: XmlElement | undefined, tag: string): XmlElement[] {
	const value = element?.[tag];
	if (value === undefined || value === null) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map((item) => (item !== null && typeof item === 'object' ? (item as XmlElement) : { '#text': String(item) }));
}

/** An element's attribute value (a string), or undefined. */
export function attribute(element: XmlElement | undefined, name: string): string | undefined {
	const value = element?.[name];
	return typeof value === 'string' ? value : undefined;
}

/**
 * The fields every <edge> starts with in GraphML and GEXF: source, target and id when given. An edge without
 * an end is a problem reported at its line, and yields undefined.
 */
export function edgeEnds(edge: XmlElement, file: string, line: number | undefined, problems: ImportProblem[]): Record<string, unknown> | undefined {
	const source = attribute(edge, 'source');
	const target = attribute(edge, 'target');
	if (source === undefined || target === undefined) {
		problems.push({ file, line, message: `<edge> has no ${source === undefined ? 'source' : 'target'}` });
		return undefined;
	}
	const fields: Record<string, unknown> = { source, target };
	const id = attribute(edge, 'id');
	if (id !== undefined) fields.id = id;
	return fields;
}

/** An element's text content. */
export function textOf(element: XmlElement | undefined): string {
	const value = element?.['#text'];
	return typeof value === 'string' ? value : '';
}
