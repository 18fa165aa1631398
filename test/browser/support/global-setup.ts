/**
 * Starts the built service (dist/apps/keyring/main.js) on a temporary data directory and a free port,
 * bootstraps an admin through the CLI, and hands the addresses and the admin's credentials to the tests
 * through the environment. When the service does not serve the console at /admin itself (the build
 * before the console is wired into it), a small same-origin front serves dist/admin and passes
 * everything else to the service, as the service will.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'dist/apps/keyring');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Keyring did not become ready at ${baseUrl}:\n${output()}`);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The console's files with the headers the service sends, and every other path passed to the service. */
function startFront(servicePort: number, port: number): Promise<http.Server> {
  const dir = path.join(ROOT, 'dist/admin');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://front');
    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) {
      const relative = decodeURIComponent(url.pathname.slice('/admin/'.length));
      const candidate = path.join(dir, relative);
      const file =
        relative && candidate.startsWith(dir) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()
          ? candidate
          : path.join(dir, 'index.html');
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy':
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; " +
          "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      fs.createReadStream(file).pipe(response);
      return;
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: servicePort,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? '',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    GRPC_PORT: 'off',
    MANAGEMENT_PORT: 'off',
    LOG_LEVEL: 'warn',
    ISSUER: baseUrl,
  };
  let output = '';
  const service = spawn(process.execPath, [path.join(DIST, 'main.js')], { cwd: ROOT, env, stdio: 'pipe' });
  service.stdout.on('data', (chunk) => (output += chunk));
  service.stderr.on('data', (chunk) => (output += chunk));
  await waitUntilReady(baseUrl, () => output);

  const admin = JSON.parse(
    execFileSync(process.execPath, [path.join(DIST, 'cli.js'), 'bootstrap-admin', '--json'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    }),
  ) as { clientId: string; clientSecret: string };

  const served = await fetch(`${baseUrl}/admin/`).catch(() => null);
  const servesConsole = served?.ok && (served.headers.get('content-type') ?? '').startsWith('text/html');
  const front = servesConsole ? null : await startFront(port, await freePort());
  const consoleOrigin = front ? `http://127.0.0.1:${(front.address() as net.AddressInfo).port}` : baseUrl;
  process.stdout.write(
    `Keyring on ${baseUrl}; console at ${consoleOrigin}/admin (${front ? 'test front over dist/admin' : 'served by Keyring'})\n`,
  );

  Object.assign(process.env, {
    KEYRING_URL: baseUrl,
    CONSOLE_ORIGIN: consoleOrigin,
    ADMIN_CLIENT_ID: admin.clientId,
    ADMIN_CLIENT_SECRET: admin.clientSecret,
  });

  return async () => {
    front?.close();
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
