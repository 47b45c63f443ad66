// Web Worker entry for the tie layer of large graphs: it owns the layer's canvas (an OffscreenCanvas handed over by
// the page) and draws the ties there, so rasterising tens of thousands of lines never blocks the page; it also makes
// the layer's part of an exported image (a bitmap, or SVG paths) on request.
import { layerSvg } from '$lib/view/layer-svg';
import { paintMessage, paintPicture, TiePainter, type PaintCanvas, type TieLayerMessage, type TieLayerReply } from '$lib/view/tie-layer';

const scope = self as unknown as { onmessage: ((event: MessageEvent<TieLayerMessage>) => void) | null; postMessage(message: TieLayerReply, transfer?: Transferable[]): void };
const spare = (width: number, height: number) => new OffscreenCanvas(width, height) as unknown as PaintCanvas;
let painter: TiePainter | null = null;

scope.onmessage = (event) => {
	const message = event.data;
	if (message.type === 'picture') {
		// An image's layer, drawn here (a bitmap) or written here (SVG) and handed over: the page goes on meanwhile.
		try {
			if (message.as === 'svg') scope.postMessage({ picture: message.id, svg: layerSvg(message.picture, message.viewport) });
			else {
				const canvas = new OffscreenCanvas(1, 1);
				paintPicture(canvas as unknown as PaintCanvas, message.picture, message.viewport);
				const bitmap = canvas.transferToImageBitmap();
				scope.postMessage({ picture: message.id, bitmap }, [bitmap]);
			}
		} catch (error) {
			scope.postMessage({ picture: message.id, problem: error instanceof Error ? error.message : String(error) });
		}
	} else if (message.type === 'canvas') {
		painter = new TiePainter(message.canvas as unknown as PaintCanvas, spare);
		painter.prepare(message.width, message.height);
	} else if (painter) {
		paintMessage(painter, message);
		// The page marks its first picture when one is on the canvas: the time since the epoch, which both sides share.
		if (message.type === 'draw') scope.postMessage({ drawnAt: performance.timeOrigin + performance.now() });
	}
};
