// The tie layer of a large graph as SVG, for image export: the same drawing the screen shows (drawTies and drawNodes
// in tie-layer.ts), written by a context that turns each stroked or filled path into one <path> element. A
// 10,000-node, 50,000-tie picture is then a handful of elements, not 60,000 drawn one by one through Cytoscape.
import { escapeXml } from './legend-svg';
import { onCircle, PathRecorder, type FillPaint, type PathSegment, type StrokePaint } from './path-recorder';
import { drawLayer, type LayerPicture, type Viewport } from './tie-layer';

/** Coordinates to two decimals: a hundredth of a pixel is below what any viewer shows, and keeps the file small. */
const coordinate = (value: number) => String(Math.round(value * 100) / 100);

/** A context that writes SVG: each painted path one <path> element. */
export class SvgContext extends PathRecorder {
	private readonly elements: string[] = [];

	protected paint(path: readonly PathSegment[], fill: FillPaint | null, stroke: StrokePaint | null): void {
		const attributes = [fill ? `fill="${escapeXml(fill.colour)}"` : 'fill="none"'];
		if (fill && fill.alpha !== 1) attributes.push(`fill-opacity="${fill.alpha}"`);
		if (stroke) {
			attributes.push(`stroke="${escapeXml(stroke.colour)}"`, `stroke-width="${coordinate(stroke.width)}"`);
			if (stroke.alpha !== 1) attributes.push(`stroke-opacity="${stroke.alpha}"`);
			if (stroke.cap !== 'butt') attributes.push(`stroke-linecap="${stroke.cap}"`);
			if (stroke.dash.length) attributes.push(`stroke-dasharray="${stroke.dash.map(coordinate).join(' ')}"`);
		}
		this.elements.push(`<path ${attributes.join(' ')} d="${path.map(command).join('')}"/>`);
	}

	/** Everything painted, in order, as SVG elements. */
	markup(): string {
		this.flush();
		return this.elements.join('');
	}
}

const at = ([x, y]: [number, number]) => `${coordinate(x)} ${coordinate(y)}`;

/** A segment as path data; a whole turn or more is a circle, as two half arcs. */
function command(segment: PathSegment): string {
	if (segment.kind === 'close') return 'Z';
	if (segment.kind !== 'arc') return `${segment.kind === 'move' ? 'M' : 'L'}${at([segment.x, segment.y])}`;
	const { x, y, radius, start, end } = segment;
	const r = coordinate(radius);
	const sweep = end - start;
	if (sweep >= 2 * Math.PI) return `A${r} ${r} 0 1 1 ${at(onCircle(x, y, radius, start + Math.PI))}A${r} ${r} 0 1 1 ${at(onCircle(x, y, radius, start))}`;
	return `A${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${at(onCircle(x, y, radius, end))}`;
}

/** The layer's drawing at a viewport as SVG elements (a group): the ties, then the nodes over them. */
export function layerSvg(picture: LayerPicture, viewport: Viewport): string {
	const context = new SvgContext();
	drawLayer(context, picture.batch, { ...picture, viewport });
	return `<g data-layer="ties and nodes">${context.markup()}</g>`;
}
