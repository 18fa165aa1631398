/** Times are shown in the user's time zone; the UTC instant is on hover. */
const local = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

export const formatLocal = (iso: string): string => local.format(new Date(iso));

export const DAY_MS = 86_400_000;

export const daysFromNow = (iso: string, now = Date.now()): number => (Date.parse(iso) - now) / DAY_MS;
