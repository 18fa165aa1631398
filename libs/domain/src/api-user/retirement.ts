/**
 * The retirement of Basic authentication: from `retiresAt` on, every Basic
 * authentication is refused, whatever the user's state. Time is passed in.
 */
const DAY_MS = 86_400_000;

export const DEFAULT_BASIC_AUTH_RETIRES_AT = '2026-12-02T00:00:00.000Z';

export const isBasicAuthRetired = (now: Date, retiresAt: Date): boolean =>
  now.getTime() >= retiresAt.getTime();

/** Whole days left before the retirement, rounded up (0 once retired): "1" on its eve. */
export const daysUntilRetirement = (now: Date, retiresAt: Date): number =>
  Math.max(0, Math.ceil((retiresAt.getTime() - now.getTime()) / DAY_MS));
