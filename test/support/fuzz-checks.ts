/**
 * What every fuzz case must show, whatever it sent: an answer that does not
 * blame the service, no secret in the answer, nothing appended to the event
 * store when the request was refused, and no prototype polluted. Plus an
 * HTTP client that sends exactly the bytes a case names, over one kept-alive
 * connection.
 */
import * as http from 'node:http';
import fc from 'fast-check';
import type { EventStore } from '@keyring/event-store';

export interface Outcome {
  /** What the case sent, for the failure message. */
  readonly label: string;
  /** The answer blames the service (5xx, INTERNAL, UNKNOWN). */
  readonly ourFault: boolean;
  /** The request was refused: it must have left the event store as it was. */
  readonly refused: boolean;
  /** Everything the caller got back: status line, headers, body, trailers. */
  readonly text: string;
}

const prototypeNames = (): string =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((prototype) => Object.getOwnPropertyNames(prototype).sort().join(','))
    .join('|');

export class FuzzInvariants {
  private readonly prototypes = prototypeNames();
  cases = 0;

  /**
   * @param secrets plaintext secrets that must never come back
   * @param recordedRefusal event types a refusal may append by design (a refused token request for a known client)
   */
  constructor(
    private readonly store: EventStore,
    private readonly secrets: readonly string[],
    private readonly recordedRefusal: RegExp = /(?!)/,
  ) {}

  async check(send: () => Promise<Outcome>): Promise<void> {
    this.cases += 1;
    const before = await this.store.headPosition();
    const outcome = await send();
    const where = `${outcome.label}\n→ ${outcome.text.slice(0, 600)}`;
    if (outcome.ourFault) throw new Error(`The service blamed itself:\n${where}`);
    if (this.secrets.some((secret) => outcome.text.includes(secret)))
      throw new Error(`A secret came back in the answer:\n${where}`);
    if (outcome.refused) {
      const appended: string[] = [];
      for await (const event of this.store.readAll({ after: before })) {
        if (!this.recordedRefusal.test(event.type)) appended.push(event.type);
      }
      if (appended.length > 0)
        throw new Error(`A refused request appended ${appended.join(', ')}:\n${where}`);
    }
    if (prototypeNames() !== this.prototypes) throw new Error(`A built-in prototype was changed:\n${where}`);
  }
}

export interface HttpRequest {
  readonly method: string;
  /** Path and query, sent as they are (Node refuses only bytes outside U+0021–U+00FF). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export class RawHttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(baseUrl: string) {
    this.url = new URL(baseUrl);
  }

  send({ method, path, headers, body }: HttpRequest): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          agent: this.agent,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.setTimeout(15_000, () => request.destroy(new Error('No answer within 15 s')));
      request.on('error', reject);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** At most `length` characters of a text, saying how long it was. */
export const excerpt = (text: string, length = 300): string =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

/** How a case reads in fast-check's report: short, whatever the size of what it sent. */
export function printable<T extends object>(value: T, describe: (value: T) => string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => describe(value) });
}

export const describeHttpRequest = ({ method, path, headers, body }: HttpRequest): string =>
  `${method} ${excerpt(path)} ${excerpt(JSON.stringify(headers), 500)}${body === undefined ? '' : ` ${excerpt(body)}`}`;

/** A request and its answer as one outcome; the answer's whole text is what the secret check reads. */
export function httpOutcome(request: HttpRequest, answer: HttpAnswer): Outcome {
  return {
    label: describeHttpRequest(request),
    ourFault: answer.status >= 500,
    refused: answer.status >= 400,
    text: `${answer.status} ${JSON.stringify(answer.headers)} ${answer.body}`,
  };
}
