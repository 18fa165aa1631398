/**
 * The admin console as a person uses it, against the real built service: sign in, create a credential
 * and see its secret once, rotate and delete secrets, watch a token appear, edit with a bad CIDR,
 * revoke, audit and verify, point-in-time access, sign out. Every page passes axe-core and is
 * photographed under test-results/screenshots. The steps share one browser page, in order.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { addTag, admin, checkPage, consoleUrl, requestToken, signIn } from './support/console';

test.describe.configure({ mode: 'serial' });

const SECRET = /kr_sec_[A-Za-z0-9_-]{8,}/;

let page: Page;
const visited: string[] = [];
const credential = { name: 'billing-service', clientId: '', firstSecret: '', createdAt: '' };

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  page = await (await browser.newContext()).newPage();
  page.on('request', (request) => visited.push(request.url()));
  page.on('framenavigated', (frame) => visited.push(frame.url()));
});
test.afterAll(() => page.context().close());

test('a wrong secret is refused on the sign-in page in the API’s words', async () => {
  await page.goto(consoleUrl('/credentials'));
  await expect(page).toHaveURL(/\/admin\/sign-in\?from=%2Fcredentials/);
  await checkPage(page, 'sign-in');
  await signIn(page, { clientId: admin().clientId, clientSecret: 'kr_sec_wrong' });
  await expect(page.getByRole('alert')).toContainText('Signing in failed');
  await expect(page.getByRole('alert')).toContainText(/client/i);
  await expect(page.getByLabel('Client secret')).toHaveValue('');
});

test('an admin signs in and returns to the page asked for', async () => {
  await signIn(page, admin());
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/credentials$/);
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Active credentials' })).toContainText('1');
  await checkPage(page, 'overview');
});

test('a failed submit shows the API’s field errors beside the fields and focuses the first', async () => {
  await page.getByRole('link', { name: 'New credential' }).click();
  await expect(page.getByRole('heading', { name: 'New credential' })).toBeVisible();
  await checkPage(page, 'new-credential');
  await page.getByRole('button', { name: 'Create credential' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not created' })).toContainText('Invalid fields');
  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Roles' })).toHaveAttribute('aria-invalid', 'true');
});

test('a new credential’s secret is shown once, and gone after a reload', async () => {
  await page.getByRole('textbox', { name: 'Name' }).fill(credential.name);
  await addTag(page, 'Accounts', '9900001');
  await addTag(page, 'Roles', 'billing:read');
  await addTag(page, 'APIs', 'invoices:read');
  await page.getByRole('button', { name: 'Create credential' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Copy the secret now' })).toBeVisible();
  credential.firstSecret = (await page.getByTestId('client-secret').textContent())!.trim();
  expect(credential.firstSecret).toMatch(SECRET);
  await expect(page.getByRole('button', { name: /Copy the secret/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Download .* \.env/ })).toBeVisible();
  await checkPage(page, 'new-credential-secret-once');
  const link = page.getByRole('link', { name: credential.name });
  credential.clientId = (await link.getAttribute('href'))!.split('/').pop()!;
  credential.createdAt = new Date().toISOString();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'New credential' })).toBeVisible();
  expect(await page.content()).not.toMatch(SECRET);
});

test('the list shows the credential with its filters, and leads to its page', async () => {
  await page.getByRole('link', { name: 'Credentials', exact: true }).click();
  const table = page.getByRole('table', { name: 'Credentials' });
  await expect(table.getByRole('link', { name: credential.name })).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'revoked' }).click();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No credential matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(table.getByRole('link', { name: credential.name })).toBeVisible();
  await checkPage(page, 'credentials');
  await table.getByRole('link', { name: credential.name }).click();
  await expect(page.getByRole('heading', { name: credential.name, level: 1 })).toBeVisible();
});

test('a second secret is generated; a third is refused with the API’s message', async () => {
  await page.getByRole('button', { name: 'Generate secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'New secret' });
  await expect(dialog.getByTestId('client-secret')).toHaveText(SECRET);
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(dialog).toBeHidden();
  const secrets = page.getByRole('table', { name: 'Secrets' });
  await expect(secrets.getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Generate secret' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No secret generated' })).toContainText(/delete/i);
});

test('a secret is deleted after a confirmation naming its hint', async () => {
  const secrets = page.getByRole('table', { name: 'Secrets' });
  const second = secrets.getByRole('row').nth(2);
  const hint = (await second.getByRole('cell').first().textContent())!.trim();
  await second.getByRole('button', { name: `Delete secret ${hint}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete secret ${hint}?` });
  await expect(dialog).toContainText('permanent');
  await dialog.getByRole('button', { name: 'Delete secret' }).click();
  await expect(dialog).toBeHidden();
  await expect(secrets.getByRole('row').nth(2)).toContainText('deleted');
});

test('a token issued to the credential appears in its live tokens and history', async () => {
  expect((await requestToken(credential.clientId, credential.firstSecret)).status).toBe(200);
  expect((await requestToken(credential.clientId, 'kr_sec_not-the-secret')).status).toBe(401);
  await page.reload();
  const tokens = page.getByRole('table', { name: 'Live tokens' });
  await expect(tokens.getByRole('row')).toHaveCount(2);
  await expect(tokens).toContainText('invoices:read');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Token issued');
  await expect(history).toContainText('Token refused');
  await expect(history).toContainText('on behalf of Ada Lovelace');
  await checkPage(page, 'credential');
});

test('an edit with a bad CIDR block shows the error beside the field', async () => {
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: `Edit ${credential.name}` })).toBeVisible();
  await checkPage(page, 'edit-credential');
  await addTag(page, 'Allowed IPs', '10.0.0.0/33');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const allowedIps = page.getByRole('combobox', { name: 'Allowed IPs' });
  await expect(allowedIps).toHaveAttribute('aria-invalid', 'true');
  await expect(allowedIps).toBeFocused();
  await expect(page.getByText(/allowedIps|CIDR|address/i).first()).toBeVisible();

  await allowedIps.press('Backspace');
  await addTag(page, 'Allowed IPs', '127.0.0.1/32');
  await page.getByRole('textbox', { name: 'Description' }).fill('Bills customers every night');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: credential.name, level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Fields' })).toContainText('127.0.0.1/32');
});

test('revoking asks for the name, then shows the credential revoked and its tokens gone', async () => {
  await page.getByRole('link', { name: 'Revoke' }).click();
  const button = page.getByRole('button', { name: 'Revoke credential' });
  await page.getByLabel("Type the credential's name to confirm").fill('billing');
  await expect(button).toBeDisabled();
  await checkPage(page, 'revoke-credential');
  await page.getByLabel("Type the credential's name to confirm").fill(credential.name);
  await button.click();
  await expect(page.getByRole('heading', { name: credential.name, level: 1 })).toBeVisible();
  await expect(page.getByText('revoked', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Live tokens' })).toContainText('No live tokens.');
  await expect(page.getByRole('button', { name: 'Generate secret' })).toHaveCount(0);
});

test('the audit log filters by action, shows hashes on demand and verifies the chain', async () => {
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'credential.revoked' }).click();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const entries = page.getByRole('table', { name: 'Audit entries' });
  await expect(entries.getByRole('row')).toHaveCount(2);
  await expect(entries).toContainText('credential.revoked');
  await entries.getByRole('button', { name: /Show hashes/ }).click();
  await expect(entries).toContainText(/Previous hash: [0-9a-f]{64}/);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Chain ok' })).toContainText('entries checked');
  await checkPage(page, 'audit');
});

test('access at a past instant lists the credential that could mint tokens then', async () => {
  await page.getByRole('link', { name: 'Access at a time' }).click();
  await expect(page.getByRole('heading', { name: 'Access at a time' })).toBeVisible();
  await page.getByRole('button', { name: 'Show access' }).click();
  await expect(page.getByRole('textbox', { name: 'Account' })).toBeFocused();
  // The instant right after creation, through the bookmarkable URL the form produces.
  await page.goto(consoleUrl(`/access?account=9900001&at=${encodeURIComponent(credential.createdAt)}`));
  const table = page.getByRole('table', { name: 'Credentials with access' });
  await expect(table.getByRole('link', { name: credential.name })).toBeVisible();
  await checkPage(page, 'access');
  // The form holds that instant in the date-time picker, shown in the user's time zone.
  const picker = page.getByRole('button', { name: /At \(your time zone\)/ });
  await expect(picker).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await picker.click();
  await expect(
    page.getByRole('table').filter({ has: page.getByRole('button', { name: /\d+ \w+ \d{4}/ }) }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
});

test('signing out leaves no secret in storage, cookies or any visited URL', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Keyring' })).toBeVisible();
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(storage).not.toMatch(/kr_sec_/);
  const cookies = await page.context().cookies();
  expect(JSON.stringify(cookies)).not.toMatch(/kr_sec_/);
  expect(visited.length).toBeGreaterThan(10);
  expect(visited.filter((url) => /kr_sec_/.test(decodeURIComponent(url)))).toEqual([]);
});
