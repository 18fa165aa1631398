import { formatLocal } from '../lib/time';

/** An instant in the user's time zone; the UTC instant shows on hover. */
export function TimeText({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <>{empty}</>;
  return (
    <time dateTime={value} title={`${value} (UTC)`}>
      {formatLocal(value)}
    </time>
  );
}
