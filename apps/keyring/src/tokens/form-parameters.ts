/**
 * Reads OAuth request parameters from a form body (RFC 6749 §3.1): a
 * parameter sent without a value counts as omitted, and none may be repeated.
 */
import { invalidRequest } from './grant-refusals';

export type FormBody = Readonly<Record<string, string | string[] | undefined>>;

export function formParameter(body: FormBody, name: string): string | undefined {
  const value = body[name];
  if (Array.isArray(value)) throw invalidRequest(`Parameter ${name} must not be repeated`);
  return value === undefined || value === '' ? undefined : value;
}

export function requiredFormParameter(body: FormBody, name: string): string {
  const value = formParameter(body, name);
  if (value === undefined) throw invalidRequest(`Parameter ${name} is required`);
  return value;
}

/** The body Express parsed, or an empty one when there was none. */
export function formBodyOf(request: { body?: unknown }): FormBody {
  const body = request.body;
  return body !== null && typeof body === 'object' ? (body as FormBody) : {};
}
