/**
 * The OpenAPI document at /docs/openapi.json and Swagger UI at /docs: the
 * document names every route the application serves, with the security and
 * request schemas the API actually enforces, and never anything that looks
 * like a client secret.
 */
import { validCredential } from './support/credential-bodies';
import { adminClient } from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

interface Schema {
  readonly $ref?: string;
  readonly required?: string[];
  readonly properties?: Record<string, { enum?: string[] }>;
}

interface Operation {
  readonly security?: Record<string, string[]>[];
  readonly requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { title: string; version: string };
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, Schema> };
}

/** A route as Express holds it once Nest has registered it. */
interface ExpressLayer {
  readonly route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route in Express's router but the docs' own, as `METHOD /path/{param}`. Nest also binds its
 * route-scoped middleware there, on the same paths (some with a trailing slash) or on a catch-all, so
 * catch-alls are left out and the rest counted once.
 */
function servedRoutes(keyring: RunningKeyring): string[] {
  const express = keyring.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const routes = express.router.stack
    .flatMap(({ route }) => (route ? Object.keys(route.methods).map((method) => ({ method, route })) : []))
    .filter(({ route }) => !route.path.startsWith('/docs') && !route.path.includes('*'))
    .map(({ method, route }) => {
      const path = route.path.replace(/(.)\/$/, '$1').replace(/:(\w+)/g, '{$1}');
      return `${method.toUpperCase()} ${path}`;
    });
  return [...new Set(routes)];
}

const documentedRoutes = (document: OpenApiDocument): string[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
}

/** Every string anywhere in a value, keys included. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
}

describe('OpenAPI document and Swagger UI', () => {
  let keyring: RunningKeyring;
  let document: OpenApiDocument;

  beforeAll(async () => {
    keyring = await startKeyring();
    const response = await fetch(`${keyring.baseUrl}/docs/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => keyring.destroy());

  const operation = (method: string, path: string): Operation => {
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    return found;
  };

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

  it('serves Swagger UI at /docs without authentication', async () => {
    const page = await fetch(`${keyring.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('swagger-ui');
    const bundle = await fetch(`${keyring.baseUrl}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });

  it('is an OpenAPI 3 document titled Keyring, at the package version', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info).toMatchObject({ title: 'Keyring', version: '0.1.0' });
  });

  it('describes every route the application serves, and the token endpoint served ahead of Nest', () => {
    const served = servedRoutes(keyring);
    expect(served).toEqual(
      expect.arrayContaining([
        'POST /v1/credentials',
        'GET /v1/audit/verify',
        'GET /v1/access',
        'POST /oauth2/introspect',
        'GET /health/ready',
      ]),
    );
    expect(documentedRoutes(document).sort()).toEqual([...served, 'POST /oauth2/token'].sort());
  });

  it('asks for a bearer token on the management API and HTTP Basic on the OAuth endpoints', () => {
    const management = Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/'));
    expect(management.length).toBeGreaterThan(0);
    for (const [, item] of management) {
      for (const found of Object.values(item)) expect(found.security).toEqual([{ bearer: [] }]);
    }
    for (const path of ['/oauth2/introspect', '/oauth2/revoke', '/oauth2/token']) {
      expect(operation('post', path).security).toEqual([{ basic: [] }]);
      expect(Object.keys(operation('post', path).requestBody?.content ?? {})).toEqual([
        'application/x-www-form-urlencoded',
      ]);
    }
  });

  it('states the required fields and the environments of a new credential', () => {
    const body = resolve(
      operation('post', '/v1/credentials').requestBody!.content['application/json'].schema,
    );
    expect(body.required).toEqual(expect.arrayContaining(['name', 'environment', 'accounts', 'roles']));
    expect(body.properties?.environment.enum).toEqual(['development', 'staging', 'production']);
  });

  it('has every $ref resolve to a component schema', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas).toHaveProperty([ref.replace('#/components/schemas/', '')]);
    }
  });

  it('holds nothing that looks like a client secret', () => {
    expect(stringsIn(document).filter((text) => /kr_sec_[A-Za-z0-9_-]{8,}/.test(text))).toEqual([]);
  });

  describe('agrees with the API on what a new credential needs', () => {
    let authorization: string;
    let required: string[];
    const full = validCredential({ allowedIps: [] }) as Record<string, unknown>;
    const create = (body: Record<string, unknown>) =>
      fetch(`${keyring.baseUrl}/v1/credentials`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      ({ authorization } = await adminClient(keyring));
      const body = operation('post', '/v1/credentials').requestBody!.content['application/json'].schema;
      required = resolve(body).required ?? [];
    });

    it('leaving out any documented required field is a 400 naming it', async () => {
      for (const field of required) {
        const { [field]: _left, ...incomplete } = full;
        const response = await create(incomplete);
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const problem = (await response.json()) as { errors?: { field: string }[] };
        expect(problem.errors?.map((violation) => violation.field)).toContain(field);
      }
    });

    it('the documented required fields alone are enough', async () => {
      const minimal = Object.fromEntries(required.map((field) => [field, full[field]]));
      expect((await create(minimal)).status).toBe(201);
    });
  });
});
