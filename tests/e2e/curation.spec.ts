// The curator's notes and the errata a reader meets in the brief's dataset: reached by search and clicks, as a user would.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page) {
	await page.goto('/?dataset=japan-korea-2014');
	await expect(page.getByTestId('graph')).toHaveAttribute('aria-busy', 'false');
}

async function searchNode(page: Page, label: string) {
	await page.keyboard.press('/');
	await page.keyboard.type(label);
	await expect(page.getByRole('listbox', { name: 'Matching nodes' }).getByRole('option').first()).toContainText(label);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('node-panel').getByRole('heading', { level: 2 })).toHaveText(label);
}

/** Clicks the named tie to a neighbour in the node panel's cooperation list. */
async function openTie(page: Page, neighbour: string, relation: string) {
	const row = page.getByTestId('neighbours-cooperation').locator(':scope > li').filter({ has: page.getByRole('link', { name: neighbour, exact: true }) });
	await row.getByRole('link', { name: relation, exact: true }).click();
	await expect(page.getByTestId('edge-panel')).toBeVisible();
}

test("the DTT tie keeps the brief's words on The Hague and warns beside them that the brief is wrong there", async ({ page }) => {
	await open(page);
	await searchNode(page, 'Defense Trilateral Talks');
	await expect(page.getByTestId('node-note')).toContainText('met in Washington, D.C., on 17–18 April 2014');
	await openTie(page, 'United States', 'facilitation');
	expect(new URL(page.url()).searchParams.get('edge')).toBe('united-states--defense-trilateral-talks--facilitation');

	const panel = page.getByTestId('edge-panel');
	const hague = panel.getByTestId('evidence').filter({ hasText: 'on the sidelines of the Nuclear Security Summit in The Hague' });
	await expect(hague.locator('blockquote')).toHaveText(
		'In April 2014, on the sidelines of the Nuclear Security Summit in The Hague, the United States facilitated a director-general level DTT'
	);
	const erratum = hague.getByTestId('erratum');
	await expect(erratum).toBeVisible();
	await expect(erratum).toHaveAttribute('role', 'note');
	await expect(erratum).toContainText('The source is wrong here:');
	await expect(erratum).toContainText('not at the Nuclear Security Summit, which met in The Hague on 24–25 March 2014');
	await expect(erratum).toContainText('met in Washington, D.C., on 17–18 April 2014');
	// The other quote on this tie is right, and carries no warning.
	await expect(panel.getByTestId('erratum')).toHaveCount(1);
	await expect(panel.getByTestId('edge-note')).toContainText("Curator's note");
	await expect(panel.getByTestId('edge-strength')).toHaveText(/^2 of 3: substantive — a specific, working tie/);
	await expect(panel).toContainText('Strength');
});

test('a quote is copied with its source, its place, the source it cites and the erratum, ready for a report', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page);
	await searchNode(page, 'Defense Trilateral Talks');
	await openTie(page, 'United States', 'facilitation');
	const hague = page.getByTestId('edge-panel').getByTestId('evidence').filter({ hasText: 'on the sidelines of the Nuclear Security Summit in The Hague' });
	const quote = await hague.locator('blockquote').innerText();
	const place = await hague.locator('.locator').innerText();
	await hague.getByRole('button', { name: 'Copy quote with citation' }).click();
	await expect(hague.getByRole('button', { name: 'Copied' })).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied.startsWith(`“${quote}” (Masahiko Ando, Wei C. Chou, Aoi Fujita. Developing a Future Partnership`)).toBe(true);
	expect(copied).toContain(`2014, ${place})`);
	expect(copied).toContain('Note: the source is wrong here.');
	expect(copied).toContain('met in Washington, D.C., on 17–18 April 2014');
});

test("a tie with a curator's note shows it above the evidence, and the outside source it rests on", async ({ page }) => {
	await open(page);
	await searchNode(page, 'South Korea');
	await openTie(page, 'Trans-Pacific Partnership', 'accession-interest');
	const panel = page.getByTestId('edge-panel');
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Interest in joining the TPP');
	const note = panel.getByTestId('edge-note');
	await expect(note.getByRole('heading', { name: "Curator's note" })).toBeVisible();
	await expect(note).toContainText('South Korea was not a party to the TPP negotiations');
	await expect(panel.getByTestId('evidence').nth(1).locator('cite')).toContainText('Congressional Research Service');
	await expect(panel.getByTestId('erratum')).toHaveCount(0);
	await expect(panel.getByTestId('edge-strength')).toHaveText(/^1 of 3: slight — /);
});

test("the Hague leaders' meeting is one event the United States brings about, and its node says where the facts come from", async ({ page }) => {
	await open(page);
	await searchNode(page, "U.S.–Japan–ROK leaders' meeting, The Hague (March 2014)");
	await expect(page.getByTestId('node-note')).toContainText('The U.S. role is modelled once');
	await openTie(page, 'United States', 'facilitation');
	const panel = page.getByTestId('edge-panel');
	await expect(panel.getByTestId('evidence').first().locator('blockquote')).toHaveText(
		'Bringing both heads of state to a face-to-face meeting required the intermediacy of the United States.'
	);
	await expect(panel.getByText('Since', { exact: true })).toBeVisible();
	await expect(panel).toContainText('2014-03-25');
});

test("the measures list shows a measure's curator's note under its U.S. role", async ({ page }) => {
	await open(page);
	await page.getByRole('tab', { name: 'Measures' }).click();
	const item = page.getByTestId('measures').locator('li').filter({ hasText: 'Deepen the Defense Trilateral Talks' });
	await expect(item.locator('.us-role')).toContainText('as at the April 2014 DTT');
	await expect(item.getByTestId('measure-note')).toContainText("Curator's note:");
	await expect(item.getByTestId('measure-note')).toContainText('no U.S. facilitation tie is drawn to the meeting');
});

for (const theme of ['light', 'dark'] as const) {
	test(`the note and the erratum are legible in the ${theme} theme (no serious accessibility violations in the panel)`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: theme });
		await page.goto('/?dataset=japan-korea-2014&edge=united-states--defense-trilateral-talks--facilitation');
		await expect(page.getByTestId('erratum')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		const { violations } = await new AxeBuilder({ page }).include('[data-testid="edge-panel"]').analyze();
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
}
