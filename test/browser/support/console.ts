/** What the browser tests share: the service's addresses, signing in, API calls, page checks. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const keyringUrl = (): string => process.env.KEYRING_URL!;
export const consoleUrl = (route = '/'): string =>
  `${process.env.CONSOLE_ORIGIN}/admin${route === '/' ? '/' : route}`;
export const admin = () => ({
  clientId: process.env.ADMIN_CLIENT_ID!,
  clientSecret: process.env.ADMIN_CLIENT_SECRET!,
});

export const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/screenshots');

export async function signIn(
  page: Page,
  credentials: { clientId: string; clientSecret: string },
  name = 'Ada Lovelace',
): Promise<void> {
  await page.getByLabel('Client ID').fill(credentials.clientId);
  await page.getByLabel('Client secret').fill(credentials.clientSecret);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** No serious or critical axe-core violation, and a screenshot of the page under test-results/. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(severe, `axe-core on ${name}`).toEqual([]);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function adminToken(credentials = admin()): Promise<string> {
  const response = await fetch(`${keyringUrl()}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Creates a credential through the API, as another tool would. */
export async function createCredential(
  body: Record<string, unknown>,
): Promise<{ clientId: string; clientSecret: string }> {
  const response = await fetch(`${keyringUrl()}/v1/credentials`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ environment: 'development', roles: ['billing:read'], ...body }),
  });
  expect(response.status).toBe(201);
  const created = (await response.json()) as {
    credential: { clientId: string };
    secret: { clientSecret: string };
  };
  return { clientId: created.credential.clientId, clientSecret: created.secret.clientSecret };
}

/** A token request as a service would make it (`curl -u id:secret -d grant_type=client_credentials`). */
export function requestToken(clientId: string, clientSecret: string): Promise<Response> {
  return fetch(`${keyringUrl()}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
}

/** Adds a value to a Mantine TagsInput: type it, then Enter. */
export async function addTag(page: Page, label: string | RegExp, value: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(value);
  await input.press('Enter');
}
