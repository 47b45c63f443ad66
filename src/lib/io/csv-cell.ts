// One CSV cell as we write and read it, with the formula guard OWASP gives for CSV injection: a spreadsheet runs a
// cell that begins with = + - @, a tab or a carriage return as a formula (=HYPERLINK(…), +cmd|…, @SUM(…), -2+3), so
// text that begins so is written after a single quote, which spreadsheets show as text. Numbers we write from number
// fields (weights, metric values) stay plain numbers: -2 is a value, and a bare number cannot call anything.
// Our reader takes the one quote off again, so text survives a round trip unchanged.

/** Text a spreadsheet would run, after any quotes we added before it (so a quote of our own round-trips too). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Text as written to a cell: a leading single quote when a spreadsheet would read it as a formula. */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell's text as read: the quote neutraliseFormula added is taken off. */
export function restoreFormula(cell: string): string {
	return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 field: text neutralised, then quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const text = neutraliseFormula(typeof value === 'string' ? value : JSON.stringify(value));
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
