/**
 * Fields that may carry credentials anywhere in a log object. pino's redaction
 * censors them before serialisation, so they never reach a log sink.
 */
const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'client_secret',
  'clientSecret',
  'secret',
  'secretHash',
  'password',
  'access_token',
  'accessToken',
  'token',
  'pepper',
];

export const REDACTED = '[REDACTED]';

export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];
