/**
 * The OpenAPI document of the REST interface, built from the controllers'
 * explicit decorators (no compiler plugin, so tests and the webpack bundle
 * see the same document) and served with Swagger UI at /docs. The docs need
 * no authentication: they describe the API and hold no data.
 */
import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { version } from '../../../../../package.json';

export const DOCS_PATH = 'docs';
export const OPENAPI_DOCUMENT_PATH = `${DOCS_PATH}/openapi.json`;

const DESCRIPTION =
  'Keyring issues OAuth 2.0 client-credentials access tokens and manages the credentials behind them. ' +
  'The management API (`/v1`) takes a bearer access token whose credential holds the admin role, and ' +
  'answers errors as RFC 9457 problem details. The OAuth endpoints (`/oauth2`) take form-encoded ' +
  'bodies, authenticate clients with client_secret_basic or client_secret_post, and answer errors as ' +
  'RFC 6749 §5.2 JSON. Every change is recorded as an event and appears in a hash-chained audit trail.';

/** Routes served outside Nest's router (e.g. the direct token endpoint), documented by hand. */
export interface HandDocumentedRoutes {
  readonly paths: OpenAPIObject['paths'];
  readonly models: Type<unknown>[];
}

export function openApiDocument(app: INestApplication, extra: HandDocumentedRoutes): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Keyring')
    .setVersion(version)
    .setDescription(DESCRIPTION)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'An access token from /oauth2/token',
      },
      'bearer',
    )
    .addBasicAuth(
      { type: 'http', scheme: 'basic', description: 'client_id and client_secret (client_secret_basic)' },
      'basic',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: extra.models });
  Object.assign(document.paths, extra.paths);
  return document;
}

/** Serves Swagger UI at /docs and the document at /docs/openapi.json, built on first request. */
export function serveOpenApiDocs(app: INestApplication, extra: HandDocumentedRoutes): void {
  SwaggerModule.setup(DOCS_PATH, app, () => openApiDocument(app, extra), {
    jsonDocumentUrl: OPENAPI_DOCUMENT_PATH,
    raw: ['json'],
  });
}
