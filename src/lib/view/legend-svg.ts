// The legend as SVG markup for image exports: the same groups and marks as the page's legend (legendGroups), laid
// out in rows that wrap at the picture's width. Text sits on its baseline (no dominant-baseline), which every SVG
// editor places alike.
import type { LegendGroup, LegendMark } from './legend';
import type { NodeShape } from './palette';

/** Polygon points of the node shapes that are polygons, in a 14 px box (the page's ShapeIcon uses them too). */
export const SHAPE_POINTS: Record<Exclude<NodeShape, 'ellipse' | 'round-rectangle'>, string> = {
	diamond: '7,0.5 13.5,7 7,13.5 0.5,7',
	triangle: '7,1 13.5,13 0.5,13',
	hexagon: '3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7',
	star: '7,0.6 8.7,5.05 13.47,5.3 9.76,8.3 11,12.9 7,10.3 3,12.9 4.24,8.3 0.53,5.3 5.3,5.05'
};

const FONT = 13;
/** Average advance of a character at FONT px in a sans-serif face: enough to keep items apart without measuring. */
const CHAR = 6.6;
const RAMP_WIDTH = 72;
const ROW = 18;
const GAP = 6;

export function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const textWidth = (text: string) => text.length * CHAR;

function text(x: number, centre: number, words: string, colour: string, weight = ''): string {
	const bold = weight ? ` font-weight="${weight}"` : '';
	return `<text x="${x}" y="${centre + FONT * 0.35}" font-family="sans-serif" font-size="${FONT}"${bold} fill="${colour}">${escapeXml(words)}</text>`;
}

/** A node shape in a 14 px box whose top left is (x, y). */
export function shapeSvg(shape: NodeShape, x: number, y: number, colour: string, opacity = 1): string {
	const faded = opacity === 1 ? '' : ` opacity="${opacity}"`;
	if (shape === 'ellipse') return `<circle cx="${x + 7}" cy="${y + 7}" r="6.2" fill="${colour}"${faded}/>`;
	if (shape === 'round-rectangle') return `<rect x="${x + 0.8}" y="${y + 0.8}" width="12.4" height="12.4" rx="3" fill="${colour}"${faded}/>`;
	return `<polygon transform="translate(${x} ${y})" points="${SHAPE_POINTS[shape]}" fill="${colour}"${faded}/>`;
}

const DASHES = { solid: '', dashed: ' stroke-dasharray="7 4"', dotted: ' stroke-dasharray="1.5 4"' } as const;

interface Piece {
	width: number;
	height: number;
	draw: (x: number, centre: number) => string;
}

function markPiece(mark: LegendMark, textColour: string): Piece {
	switch (mark.kind) {
		case 'shape':
			return { width: 14, height: 14, draw: (x, c) => shapeSvg(mark.shape, x, c - 7, mark.colour) };
		case 'dimmed':
			return { width: 14, height: 14, draw: (x, c) => shapeSvg('ellipse', x, c - 7, mark.colour, 0.2) };
		case 'line': {
			const opacity = mark.opacity === undefined ? '' : ` opacity="${mark.opacity}"`;
			return {
				width: 28,
				height: 6,
				draw: (x, c) => `<line x1="${x + 2}" y1="${c}" x2="${x + 26}" y2="${c}" stroke="${mark.colour}" stroke-width="3" stroke-linecap="round"${DASHES[mark.dash]}${opacity}/>`
			};
		}
		case 'arrow':
			return {
				width: 28,
				height: 10,
				draw: (x, c) => `<line x1="${x}" y1="${c}" x2="${x + 20}" y2="${c}" stroke="${mark.colour}" stroke-width="2"/><path d="M${x + 18} ${c - 5} L${x + 26} ${c} L${x + 18} ${c + 5} Z" fill="${mark.colour}"/>`
			};
		case 'ramp': {
			const low = textWidth(mark.low) + GAP;
			const step = RAMP_WIDTH / mark.stops.length;
			return {
				width: low + RAMP_WIDTH + GAP + textWidth(mark.high),
				height: 12,
				draw: (x, c) =>
					text(x, c, mark.low, textColour) +
					mark.stops.map((stop, i) => `<rect x="${x + low + i * step}" y="${c - 5}" width="${step + 0.5}" height="10" fill="${stop}"/>`).join('') +
					text(x + low + RAMP_WIDTH + GAP, c, mark.high, textColour)
			};
		}
		case 'sizes': {
			const low = textWidth(mark.low) + GAP;
			const dots = textWidth('…') + GAP;
			return {
				width: low + mark.small + GAP + dots + mark.large + GAP + textWidth(mark.high),
				height: mark.large,
				draw: (x, c) =>
					text(x, c, mark.low, textColour) +
					`<circle cx="${x + low + mark.small / 2}" cy="${c}" r="${mark.small / 2}" fill="${mark.colour}"/>` +
					text(x + low + mark.small + GAP, c, '…', textColour) +
					`<circle cx="${x + low + mark.small + GAP + dots + mark.large / 2}" cy="${c}" r="${mark.large / 2}" fill="${mark.colour}"/>` +
					text(x + low + mark.small + GAP + dots + mark.large + GAP, c, mark.high, textColour)
			};
		}
		case 'halo':
			return { width: 18, height: 18, draw: (x, c) => `<circle cx="${x + 9}" cy="${c}" r="8" fill="${mark.halo}"/><circle cx="${x + 9}" cy="${c}" r="4" fill="${mark.colour}"/>` };
		case 'ring':
			return { width: 18, height: 18, draw: (x, c) => `<circle cx="${x + 9}" cy="${c}" r="6" fill="${mark.colour}" stroke="${mark.ring}" stroke-width="3"/>` };
	}
}

/** Lines of at most `chars` characters, broken at spaces. */
function wrap(words: string, chars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of words.split(/\s+/)) {
		if (line && line.length + 1 + word.length > chars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return line ? [...lines, line] : lines;
}

/** Pieces in reading order: each group's title in bold, then its items (mark, then label); a wider gap before a group. */
function pieces(groups: readonly LegendGroup[], textColour: string, width: number): Array<Piece & { gap: number }> {
	const out: Array<Piece & { gap: number }> = [];
	for (const group of groups) {
		let gap = out.length ? 22 : 0;
		if (group.title) {
			const title = group.title;
			out.push({ width: textWidth(title), height: ROW, gap, draw: (x, c) => text(x, c, title, textColour, 'bold') });
			gap = 10;
		}
		for (const item of group.items) {
			const mark = item.mark ? markPiece(item.mark, textColour) : null;
			const labelX = mark ? mark.width + GAP : 0;
			// A label wider than the legend wraps onto lines of its own, beside its mark.
			const lines = item.label ? wrap(item.label, Math.max(10, Math.floor((width - labelX) / CHAR))) : [];
			const height = Math.max(ROW * Math.max(lines.length, 1), mark?.height ?? 0);
			out.push({
				width: labelX + (lines.length ? Math.max(...lines.map(textWidth)) : -GAP),
				height,
				gap,
				draw: (x, c) =>
					(mark ? mark.draw(x, c - ((lines.length - 1) * ROW) / 2) : '') +
					lines.map((line, i) => text(x + labelX, c + (i - (lines.length - 1) / 2) * ROW, line, textColour)).join('')
			});
			gap = 14;
		}
	}
	return out;
}

/** The legend's markup from (x, top) within `width`, and how tall it came out. */
export function legendSvg(groups: readonly LegendGroup[], options: { x: number; top: number; width: number; textColour: string }): { markup: string; height: number } {
	const rows: Array<Array<Piece & { gap: number }>> = [[]];
	let used = 0;
	for (const piece of pieces(groups, options.textColour, options.width)) {
		const row = rows.at(-1)!;
		if (row.length && used + piece.gap + piece.width > options.width) {
			rows.push([piece]);
			used = piece.width;
		} else {
			used += (row.length ? piece.gap : 0) + piece.width;
			row.push(piece);
		}
	}
	const parts: string[] = [];
	let y = options.top;
	for (const row of rows) {
		const height = Math.max(...row.map((piece) => piece.height)) + 4;
		let x = options.x;
		row.forEach((piece, i) => {
			x += i ? piece.gap : 0;
			parts.push(piece.draw(x, y + height / 2));
			x += piece.width;
		});
		y += height;
	}
	return { markup: parts.join(''), height: y - options.top };
}
