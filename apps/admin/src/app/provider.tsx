import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../lib/api-error';
import { useSession } from '../lib/session';

const theme = createTheme({
  // The system font stack: no remote font.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  primaryColor: 'blue',
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
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <ForgetOnSignOut />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
