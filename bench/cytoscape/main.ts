// The benchmark's second baseline, on the brief only: Cytoscape.js alone drawing the dataset file with the explorer's
// stylesheet at the positions it carries, in a page with nothing else (no app, no framework). What it takes is what
// the drawing library itself takes on this machine; the explorer's figure less this one is the app's. It sets the
// explorer's performance marks at the frame after its drawing, as the explorer does.
import cytoscape from 'cytoscape';
import { stylesheet } from '../../src/lib/view/style';

interface Data {
	nodes: { id: string; label: string; type?: string; position?: { x: number; y: number } }[];
	edges: { id: string; source: string; target: string; kind?: string; status?: string }[];
}

const data: Data = await (await fetch(`/graph.json${location.search}`)).json();
const cy = cytoscape({
	container: document.getElementById('graph'),
	style: stylesheet('light'),
	layout: { name: 'preset' },
	elements: [
		...data.nodes.map((node) => ({ data: { id: node.id, label: node.label, type: node.type }, position: node.position })),
		...data.edges.map((edge) => ({ data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, status: edge.status, width: 2 } }))
	]
});
cy.fit(undefined, 30);
requestAnimationFrame(() =>
	requestAnimationFrame(() => {
		performance.mark('graph:first-picture');
		performance.mark('graph:layout-done');
	})
);

(window as unknown as { bench: unknown }).bench = {
	hub(): { x: number; y: number } {
		const at = cy.nodes().max((node) => node.degree(false)).ele.renderedPosition();
		const box = document.getElementById('graph')!.getBoundingClientRect();
		return { x: box.x + at.x, y: box.y + at.y };
	},
	onHover(callback: (at: number) => void) {
		cy.one('mouseover', 'node', () => requestAnimationFrame(() => callback(performance.now())));
	}
};
