// The dataset checks (the contract in zod, and edits checked against it) are loaded when first needed: an import, an
// imported dataset read back, the editor. The page's Content-Security-Policy forbids eval (no unsafe-eval), and zod
// compiles object checks with `new Function` when it can, its probe alone reported as a violation: in the page zod
// checks jitless, the same checks without eval, set before any check runs.
export interface Checks {
	parse: typeof import('$lib/model/parse');
	edit: typeof import('$lib/model/edit');
}

let loading: Promise<Checks> | undefined;

export function loadChecks(): Promise<Checks> {
	loading ??= Promise.all([import('zod'), import('$lib/model/parse'), import('$lib/model/edit')]).then(([{ z }, parse, edit]) => {
		z.config({ jitless: true });
		return { parse, edit };
	});
	return loading;
}
