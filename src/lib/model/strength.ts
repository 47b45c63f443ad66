// The curated contract's 1–3 strength scale in words, for a reader who meets a tie's weight in a panel.

export interface StrengthStep {
	name: string;
	meaning: string;
}

/** The strength of one tie as its source describes it at the dataset's date. */
export const STRENGTH_SCALE: ReadonlyMap<number, StrengthStep> = new Map([
	[1, { name: 'slight', meaning: 'mentioned in passing or only as an example, a one-off contact, a shared aim rather than joint action, or a tie the source says is frozen or shrinking' }],
	[2, { name: 'substantive', meaning: 'a specific, working tie, such as membership of a forum, taking part in a named meeting or negotiation, or an assurance given' }],
	[3, { name: 'strong', meaning: 'a tie the source presents as central and binding, such as an alliance, a dispute that dominates the relationship, or a step it calls critical' }]
]);

/** A weight as a reader should read it: "Strength" "2 of 3: substantive — …" on the scale, else "Weight" and the number. */
export function describeWeight(weight: number): { term: string; text: string } {
	const step = STRENGTH_SCALE.get(weight);
	if (step === undefined) return { term: 'Weight', text: `${weight} (not on the 1–3 strength scale)` };
	return { term: 'Strength', text: `${weight} of 3: ${step.name} — ${step.meaning}` };
}
