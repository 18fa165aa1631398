import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { RouterAnchor } from '../../../components/router-link';
import { Loading } from '../../../components/states';
import { TimeText } from '../../../components/time-text';
import { EXPIRY_WARNING_DAYS, ROTATION_DAYS } from '../../../lib/secret-health';
import { type Count, useChainVerification, useOverview } from '../api/overview';

function Figure({
  label,
  count,
  to,
  linkText,
}: {
  label: string;
  count: Count;
  to: string;
  linkText: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} component="p" my={4}>
        {count.atLeast ? `${count.value}+` : count.value}
      </Text>
      <RouterAnchor to={to} size="sm">
        {linkText}
      </RouterAnchor>
    </Paper>
  );
}

function ChainStatus() {
  const verification = useChainVerification();
  const result = verification.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Audit chain">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h5">
            Audit chain
          </Title>
          {!result && !verification.error && <Text size="sm">Not verified in this session yet.</Text>}
          {result && (
            <Text size="sm" c={result.ok ? 'green.8' : 'red.8'} fw={600}>
              {result.ok
                ? `ok: ${result.checked} entries checked`
                : `broken at position ${result.firstBad?.position} (${result.firstBad?.problem})`}
            </Text>
          )}
          {verification.dataUpdatedAt > 0 && (
            <Text size="xs" c="dimmed">
              Last verified <TimeText value={new Date(verification.dataUpdatedAt).toISOString()} />
            </Text>
          )}
          {verification.error && <ErrorAlert error={verification.error} title="Verification failed" />}
        </Stack>
        <Button
          variant="light"
          size="xs"
          loading={verification.isFetching}
          onClick={() => verification.refetch()}
        >
          Verify chain
        </Button>
      </Group>
    </Paper>
  );
}

export function OverviewRoute() {
  const overview = useOverview();
  const figures = overview.data;
  return (
    <>
      <PageHeader title="Overview" />
      {overview.isPending && <Loading label="Counting…" />}
      {overview.error && <ErrorAlert error={overview.error} title="The overview could not be loaded" />}
      {figures && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="md">
          <Figure
            label="Active credentials"
            count={figures.activeCredentials}
            to="/credentials?status=active"
            linkText="See them"
          />
          <Figure
            label={`Secrets expiring within ${EXPIRY_WARNING_DAYS} days`}
            count={figures.secretsExpiringSoon}
            to={`/credentials?status=active&expiringWithinDays=${EXPIRY_WARNING_DAYS}`}
            linkText="See their credentials"
          />
          <Figure
            label={`Secrets older than ${ROTATION_DAYS} days`}
            count={figures.secretsPastRotation}
            to="/credentials?status=active"
            linkText="See active credentials"
          />
          <Figure
            label="Tokens issued, last 24 h"
            count={figures.tokensIssued}
            to={`/audit?action=token.issued&from=${encodeURIComponent(figures.since)}`}
            linkText="See them in the audit log"
          />
          <Figure
            label="Token requests refused, last 24 h"
            count={figures.tokensRefused}
            to={`/audit?action=token.refused&from=${encodeURIComponent(figures.since)}`}
            linkText="See them in the audit log"
          />
        </SimpleGrid>
      )}
      <ChainStatus />
    </>
  );
}
