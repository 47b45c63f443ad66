// How analysis numbers read in the panels: four significant digits, a dash where a value is undefined.
export function formatMetric(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	if (Math.abs(value) < 1e-12) return '0';
	return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

export function formatShare(value: number | null): string {
	return value === null ? '—' : `${Math.round(value * 1000) / 10}%`;
}
