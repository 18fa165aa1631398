/**
 * What the console must never do, and the phone layout: a scoped admin sees only its accounts, a name
 * full of markup renders as text, an expired session returns to the page after signing in again.
 */
import { type Browser, expect, test } from '@playwright/test';
import { admin, checkPage, consoleUrl, createCredential, signIn } from './support/console';

test.describe.configure({ mode: 'serial' });

const XSS_NAME = '<img src=x onerror=alert(1)>';
let other: { clientId: string };
let scopedAdmin: { clientId: string; clientSecret: string };

test.beforeAll(async () => {
  other = await createCredential({ name: XSS_NAME, accounts: ['9900001'] });
  scopedAdmin = await createCredential({
    name: 'team-two-admin',
    accounts: ['9900002'],
    roles: ['keyring:admin'],
    environment: 'production',
  });
  await createCredential({ name: 'team-two-service', accounts: ['9900002'] });
});

async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

test('a credential named with markup renders as text and runs nothing', async ({ browser }) => {
  const page = await newPage(browser);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(consoleUrl('/credentials'));
  await signIn(page, admin());
  await expect(page.getByRole('link', { name: XSS_NAME })).toBeVisible();
  await page.getByRole('link', { name: XSS_NAME }).click();
  await expect(page.getByRole('heading', { name: XSS_NAME, level: 1 })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  await page.context().close();
});

test('a scoped admin sees only its accounts: not another account’s credential, nor its id', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto(consoleUrl('/credentials'));
  await signIn(page, scopedAdmin, 'Grace Hopper');
  const table = page.getByRole('table', { name: 'Credentials' });
  await expect(table.getByRole('link', { name: 'team-two-service' })).toBeVisible();
  await expect(table.getByRole('link', { name: XSS_NAME })).toHaveCount(0);
  await page.goto(consoleUrl(`/credentials/${other.clientId}`));
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
  await expect(page.getByRole('alert')).toContainText('No credential has this client ID');
  await page.getByRole('link', { name: 'New credential' }).click();
  // By keyboard, as the picker is meant to be used.
  await page.getByRole('combobox', { name: 'Accounts' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option')).toHaveText(['9900002']);
  await page.context().close();
});

test('an expired session asks to sign in again and returns to the page', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto(consoleUrl('/audit'));
  await signIn(page, admin());
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.route('**/v1/credentials?**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/problem+json',
      body: '{"status":401,"detail":"expired"}',
    }),
  );
  await page.getByRole('link', { name: 'Credentials', exact: true }).click();
  await expect(page.getByText('Your session ended')).toBeVisible();
  await expect(page).toHaveURL(/sign-in\?from=%2Fcredentials/);
  await page.unroute('**/v1/credentials?**');
  await signIn(page, admin());
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/credentials$/);
  await page.context().close();
});

test('on a phone (390×844) the pages fit and the menu opens from its button', async ({ browser }) => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(consoleUrl('/credentials'));
  await signIn(page, admin());
  await expect(page.getByRole('heading', { name: 'Credentials', level: 1 })).toBeVisible();
  await checkPage(page, 'phone-credentials');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'team-two-service' }).click();
  await expect(page.getByRole('heading', { name: 'team-two-service', level: 1 })).toBeVisible();
  await checkPage(page, 'phone-credential');
  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.context().close();
});
