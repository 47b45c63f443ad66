// cytoscape-svg ships no types: registered with cytoscape.use(), it adds cy.svg({ full, scale, bg }) returning SVG markup.
declare module 'cytoscape-svg' {
	import type { Ext } from 'cytoscape';
	const svg: Ext;
	export default svg;
	/** what the extension adds to a Cytoscape core */
	export interface SvgExport {
		svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
	}
}
