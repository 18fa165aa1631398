import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import { createTheme, type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../lib/api-error';
import { useSession } from '../lib/session';

const theme = createTheme({
  // The system font stack: no remote font.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
});

const COLORS = ['blue', 'green', 'red', 'orange', 'grape', 'gray', 'yellow'];
/** Even their darkest shades are too light for text on their own pale backgrounds. */
const DARK_TEXT: Record<string, string> = { orange: '#7a3300', yellow: '#7a3300', green: '#1b5e20' };

/**
 * Mantine's default light-scheme shades put white text on blue-6 and green-6 text on pale green, both below
 * WCAG AA contrast; these darker ones pass axe-core's check (as does a darker dimmed grey).
 */
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-primary-color-filled': 'var(--mantine-color-blue-8)',
    '--mantine-primary-color-filled-hover': 'var(--mantine-color-blue-9)',
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-primary-color-light': 'var(--mantine-color-blue-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-blue-1)',
    ...Object.fromEntries(
      COLORS.flatMap((color) => [
        [`--mantine-color-${color}-filled`, `var(--mantine-color-${color}-8)`],
        [`--mantine-color-${color}-filled-hover`, `var(--mantine-color-${color}-9)`],
        [`--mantine-color-${color}-light-color`, DARK_TEXT[color] ?? `var(--mantine-color-${color}-9)`],
        [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`],
        [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-1)`],
        [`--mantine-color-${color}-outline`, `var(--mantine-color-${color}-8)`],
        [`--mantine-color-${color}-text`, `var(--mantine-color-${color}-9)`],
      ]),
    ),
  },
  dark: {},
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) is an answer, not a glitch: retry only what may pass on a second try.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** Nothing read under one session stays on screen after it ends. */
function ForgetOnSignOut() {
  const session = useSession();
  useEffect(() => {
    if (!session) queryClient.clear();
  }, [session]);
  return null;
}

export function AppProvider({ children }: { children: React.ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrast} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <ForgetOnSignOut />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
