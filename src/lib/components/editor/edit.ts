// What the editor's forms share: the callback that makes a change, and where focus goes when one is refused.
import { tick } from 'svelte';
import type { EditOperation, EditProblem } from '$lib/model/edit';
import type { Selection } from '$lib/state/url';

/** Makes a change; null when it was made, else its problems. `select` chooses what is selected after it (null: nothing). */
export type Edit = (operations: readonly EditOperation[], select?: Selection | null) => Promise<EditProblem[] | null>;

/** After a refused save, focus goes to the first field with a problem, else to the form's list of problems. */
export async function focusFirstProblem(form: HTMLElement | undefined): Promise<void> {
	await tick();
	form?.querySelector<HTMLElement>('[aria-invalid="true"], .form-problems')?.focus();
}
