// Web Worker entry for the tie layer of large graphs: it draws the ties on a canvas of its own (an OffscreenCanvas),
// so rasterising tens of thousands of lines never blocks the page, and hands each new drawing to the page as a
// bitmap; it also makes the layer's part of an exported image (a bitmap, or SVG paths) on request.
import { layerSvg } from '$lib/view/layer-svg';
import { paintMessage, paintPicture, TiePainter, type PaintCanvas, type TieLayerMessage, type TieLayerReply } from '$lib/view/tie-layer';

const scope = self as unknown as { onmessage: ((event: MessageEvent<TieLayerMessage>) => void) | null; postMessage(message: TieLayerReply, transfer?: Transferable[]): void };
const spare = (width: number, height: number) => new OffscreenCanvas(width, height) as unknown as PaintCanvas;
let painter: TiePainter | null = null;
let layer: OffscreenCanvas | null = null;

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
	} else if (message.type === 'start') {
		layer = new OffscreenCanvas(Math.max(1, message.width), Math.max(1, message.height));
		painter = new TiePainter(layer as unknown as PaintCanvas, spare);
	} else if (painter && layer) {
		const drew = paintMessage(painter, message);
		// Each change of the drawing goes to the page as a bitmap, shown at its next frame; a drawing asked for before the
		// ties came draws nothing, and a new batch changes nothing until it is drawn.
		if (drew || message.type === 'carry' || (message.type === 'batch' && message.batch === null)) {
			const frame = layer.transferToImageBitmap();
			scope.postMessage({ frame, drew }, [frame]);
		}
	}
};
