/** Time arithmetic for rules; `now` always comes from the caller, never from the clock. */
const MILLISECONDS_PER_SECOND = 1000;
const MILLISECONDS_PER_DAY = 86_400_000;

export const plusDays = (moment: Date, days: number): Date =>
  new Date(moment.getTime() + days * MILLISECONDS_PER_DAY);

export const plusSeconds = (moment: Date, seconds: number): Date =>
  new Date(moment.getTime() + seconds * MILLISECONDS_PER_SECOND);

export const isoFromEpoch = (epochMs: number): string => new Date(epochMs).toISOString();

export const epochFromIso = (iso: string): number => Date.parse(iso);

/** Whole seconds from `now` until `epochMs`, rounded up so a caller who waits that long is past it. */
export const secondsUntil = (epochMs: number, now: Date): number =>
  Math.ceil((epochMs - now.getTime()) / MILLISECONDS_PER_SECOND);
