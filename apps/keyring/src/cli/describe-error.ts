/** What the CLI prints for a failure: the message, and each field problem of a refused command. */
import { isRefusal } from '@keyring/domain';

export function describeError(error: unknown): string {
  if (isRefusal(error)) {
    const violations = error.details.violations ?? [];
    return [`${error.code}: ${error.message}`, ...violations.map((v) => `  - ${v.field}: ${v.message}`)].join(
      '\n',
    );
  }
  return error instanceof Error ? error.message : String(error);
}
