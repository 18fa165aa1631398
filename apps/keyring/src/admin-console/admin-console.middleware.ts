/**
 * Serves the built console under `/admin`: hashed files from assets/ cached
 * for good, any other file of the build revalidated on every load, and
 * index.html for every other path, which the console's router then reads.
 * express.static does the file work, and refuses paths that climb out of
 * the directory; those are then answered 404, never with a file.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  static as serveStatic,
} from 'express';
import { Refusal } from '@keyring/domain';
import { ADMIN_CONSOLE_DIRECTORY } from './console-directory';
import { CONSOLE_HEADERS, ENTRY_FILE_CACHING, HASHED_FILE_CACHING } from './console-headers';

export const CONSOLE_PATH = '/admin';
const ASSETS_PATH = '/assets';
const ENTRY_FILE = 'index.html';

export const consoleNotBuilt = (): Refusal =>
  new Refusal(
    'ADMIN_CONSOLE_NOT_BUILT',
    'The admin console has not been built yet: run `npm run build:admin` (or `npm start`, which builds it), then reload this page',
  );

/** A path the console's own router may handle: decodable, without `.`/`..` segments or NUL. */
function isClientRoute(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  return (
    !decoded.includes('\0') && !decoded.split(/[\\/]/).some((segment) => segment === '.' || segment === '..')
  );
}

/**
 * Runs a static handler on the part of the URL below `prefix`, as if it were mounted there. An
 * express Router would do the same but leave `baseUrl` changed, which the HTTP metrics read.
 */
function below(prefix: string, serve: RequestHandler): RequestHandler {
  return (request, response, next) => {
    const url = request.url;
    const rest = url.slice(prefix.length);
    request.url = rest.startsWith('/') ? rest : `/${rest}`;
    void serve(request, response, (error?: unknown) => {
      request.url = url;
      next(error);
    });
  };
}

@Injectable()
export class AdminConsoleMiddleware implements NestMiddleware {
  private readonly serveAsset: RequestHandler;
  private readonly serveFile: RequestHandler;

  constructor(@Inject(ADMIN_CONSOLE_DIRECTORY) private readonly directory: string) {
    const common = { index: false, redirect: false, dotfiles: 'ignore', fallthrough: true } as const;
    this.serveAsset = below(
      `${CONSOLE_PATH}${ASSETS_PATH}`,
      serveStatic(join(directory, 'assets'), {
        ...common,
        cacheControl: false,
        setHeaders: (response) => response.setHeader('Cache-Control', HASHED_FILE_CACHING),
      }),
    );
    this.serveFile = below(
      CONSOLE_PATH,
      serveStatic(directory, {
        ...common,
        cacheControl: false,
        setHeaders: (response) => response.setHeader('Cache-Control', ENTRY_FILE_CACHING),
      }),
    );
  }

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    response.set(CONSOLE_HEADERS);
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (!(await this.isBuilt())) {
      // A build may arrive at any moment: never let the refusal be cached.
      response.setHeader('Cache-Control', 'no-store');
      return next(consoleNotBuilt());
    }
    const path = request.path.slice(CONSOLE_PATH.length);
    // A missing hashed file is a 404: index.html in its place would be cached as that file.
    // Paths match without regard to case, as Express routes do.
    const lowerCase = path.toLowerCase();
    if (lowerCase === ASSETS_PATH || lowerCase.startsWith(`${ASSETS_PATH}/`)) {
      this.serveAsset(request, response, next);
    } else {
      this.serveFile(request, response, (error?: unknown) => {
        if (error !== undefined || !isClientRoute(path)) return next(error);
        this.serveEntry(response, next);
      });
    }
  }

  private serveEntry(response: Response, next: NextFunction): void {
    response.sendFile(
      ENTRY_FILE,
      { root: this.directory, cacheControl: false, headers: { 'Cache-Control': ENTRY_FILE_CACHING } },
      (error?: unknown) => {
        if (error !== undefined && !response.headersSent) next(error);
      },
    );
  }

  private async isBuilt(): Promise<boolean> {
    try {
      return (await stat(join(this.directory, ENTRY_FILE))).isFile();
    } catch {
      return false;
    }
  }
}
