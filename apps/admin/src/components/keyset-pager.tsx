/**
 * Keyset paging as every list of the API offers it: the cursor lives in the
 * URL (so a page can be bookmarked and reloaded), "First page" drops it,
 * "Next page" follows the answer's `nextCursor`.
 */
import { Button, Group } from '@mantine/core';
import { useSearchParams } from 'react-router';

export function KeysetPager({ nextCursor }: { nextCursor: string | null | undefined }) {
  const [search, setSearch] = useSearchParams();
  const goTo = (cursor: string | null) => {
    const next = new URLSearchParams(search);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    setSearch(next);
  };
  return (
    <Group mt="md" gap="sm">
      <Button variant="default" disabled={!search.get('cursor')} onClick={() => goTo(null)}>
        First page
      </Button>
      <Button variant="default" disabled={!nextCursor} onClick={() => goTo(nextCursor ?? null)}>
        Next page
      </Button>
    </Group>
  );
}
