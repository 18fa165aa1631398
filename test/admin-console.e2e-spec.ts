/**
 * The admin console's files at /admin, from a small fake build in a temporary
 * ADMIN_CONSOLE_DIR: the security headers on every response, caching by
 * content hash, index.html for client-side routes, no file from outside the
 * build whatever the path, and a 503 that says how to build a missing console.
 * Requests go through node:http so that paths reach the server exactly as
 * written (fetch would resolve `..` segments first).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const INDEX_HTML =
  '<!doctype html><title>Keyring</title><script type="module" src="/admin/assets/app-abc123.js"></script>';
const APP_JS = 'console.log("keyring console");';
const OUTSIDE = 'OUTSIDE-THE-CONSOLE-BUILD';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; " +
  "object-src 'none'";

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

describe('admin console at /admin', () => {
  let keyring: RunningKeyring;
  let root: string;
  let consoleDir: string;

  const send = (method: string, requestPath: string, headers: http.OutgoingHttpHeaders = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const { hostname, port } = new URL(keyring.baseUrl);
      const outgoing = http.request({ hostname, port, method, path: requestPath, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      outgoing.on('error', reject).end();
    });
  const get = (requestPath: string, headers?: http.OutgoingHttpHeaders) => send('GET', requestPath, headers);

  const expectConsoleHeaders = ({ headers }: Answer) => {
    expect(headers['content-security-policy']).toBe(CSP);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  beforeAll(async () => {
    // A secret beside the build and in its parent, where a climbing path would look.
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-console-'));
    consoleDir = path.join(root, 'dist', 'admin');
    fs.mkdirSync(path.join(consoleDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(consoleDir, 'index.html'), INDEX_HTML);
    fs.writeFileSync(path.join(consoleDir, 'assets', 'app-abc123.js'), APP_JS);
    fs.writeFileSync(path.join(consoleDir, '.env'), OUTSIDE);
    fs.writeFileSync(path.join(root, 'dist', 'outside.txt'), OUTSIDE);
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: OUTSIDE }));
    keyring = await startKeyring({ LOG_LEVEL: 'warn', GRPC_PORT: 'off', ADMIN_CONSOLE_DIR: consoleDir });
  });
  afterAll(async () => {
    await keyring.destroy();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('index.html, revalidated on every load', () => {
    it.each(['/admin', '/admin/', '/admin/index.html'])('GET %s', async (requestPath) => {
      const answer = await get(requestPath);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body).toBe(INDEX_HTML);
      expectConsoleHeaders(answer);
    });

    it.each([
      '/admin/credentials',
      '/admin/credentials/0b9d2f6e-1c1a-4f7e-9a35-0a1b2c3d4e5f/history',
      '/admin/audit?account=9900001',
    ])('for the client-side route %s', async (requestPath) => {
      const answer = await get(requestPath);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.body).toBe(INDEX_HTML);
      expectConsoleHeaders(answer);
    });

    it('answers a revalidation with 304 while it is unchanged', async () => {
      const first = await get('/admin/credentials');
      expect(first.headers.etag).toBeDefined();
      const again = await get('/admin', { 'if-none-match': first.headers.etag as string });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expectConsoleHeaders(again);
    });

    it('answers HEAD without a body', async () => {
      const answer = await send('HEAD', '/admin/credentials');
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('');
      expectConsoleHeaders(answer);
    });
  });

  describe('hashed files, cached for good', () => {
    it('serves a file under /admin/assets/ as immutable', async () => {
      const answer = await get('/admin/assets/app-abc123.js');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.body).toBe(APP_JS);
      expectConsoleHeaders(answer);
    });

    it.each(['/admin/assets/app-gone00.js', '/admin/assets/', '/admin/assets'])(
      'answers 404, never index.html, for the missing %s',
      async (requestPath) => {
        const answer = await get(requestPath);
        expect(answer.status).toBe(404);
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.headers['cache-control'] ?? '').not.toMatch(/immutable/);
        expect(answer.body).not.toContain('<title>Keyring');
        expectConsoleHeaders(answer);
      },
    );
  });

  describe('nothing from outside the build', () => {
    it.each([
      '/admin/..%2f..%2fpackage.json',
      '/admin/..%2f..%2f..%2fpackage.json',
      '/admin/%2e%2e/%2e%2e/package.json',
      '/admin/%2e%2e%2foutside.txt',
      '/admin/../outside.txt',
      '/admin/assets/..%2f..%2foutside.txt',
      '/admin/assets/../../outside.txt',
      '/admin/..%5c..%5cpackage.json',
      '/admin/%252e%252e%252foutside.txt',
      '/admin/.env',
      '/admin/%2eenv',
      '/admin/index.html%00.js',
    ])('%s', async (requestPath) => {
      const answer = await get(requestPath);
      expect(answer.body).not.toContain(OUTSIDE);
      expect([200, 400, 404]).toContain(answer.status);
      // A path that climbs or cannot be decoded is not a client-side route either.
      if (answer.status === 200) expect(answer.body).toBe(INDEX_HTML);
      expectConsoleHeaders(answer);
    });

    it('refuses climbing paths outright rather than answering index.html', async () => {
      for (const requestPath of ['/admin/..%2f..%2fpackage.json', '/admin/%2e%2e/outside.txt']) {
        expect((await get(requestPath)).status).toBe(404);
      }
    });
  });

  describe('only GET and HEAD, only below /admin', () => {
    it('answers other methods 404, still with the headers', async () => {
      const answer = await send('POST', '/admin');
      expect(answer.status).toBe(404);
      expectConsoleHeaders(answer);
    });

    it('leaves paths that merely start with "admin" alone', async () => {
      const answer = await get('/administrator');
      expect(answer.status).toBe(404);
      expect(answer.headers['content-security-policy']).toBeUndefined();
    });
  });

  describe('when the console is not built', () => {
    it('answers 503 saying how to build it, and serves again once it is built', async () => {
      const index = path.join(consoleDir, 'index.html');
      fs.renameSync(index, `${index}.away`);
      try {
        for (const requestPath of ['/admin', '/admin/credentials', '/admin/assets/app-abc123.js']) {
          const answer = await get(requestPath);
          expect(answer.status).toBe(503);
          expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(answer.headers['cache-control']).toBe('no-store');
          expectConsoleHeaders(answer);
          expect(JSON.parse(answer.body)).toMatchObject({
            status: 503,
            code: 'ADMIN_CONSOLE_NOT_BUILT',
            detail: expect.stringContaining('npm run build:admin'),
          });
          expect(answer.body).not.toContain(consoleDir);
        }
      } finally {
        fs.renameSync(`${index}.away`, index);
      }
      expect((await get('/admin')).status).toBe(200);
    });
  });

  it('answers a path Express cannot decode with a 400 problem, before the console sees it', async () => {
    const answer = await get('/admin/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).not.toContain(OUTSIDE);
  });

  it('leaves the API without the console headers', async () => {
    const answer = await get('/health/live');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-security-policy']).toBeUndefined();
  });
});
