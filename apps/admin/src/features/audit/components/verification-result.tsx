import { Alert, Code, Text } from '@mantine/core';
import type { components } from '../../../api/schema';

type AuditVerification = components['schemas']['AuditVerification'];

export function VerificationResult({ result }: { result: AuditVerification }) {
  if (result.ok) {
    return (
      <Alert color="green" title="Chain ok" role="status">
        <Text size="sm">{result.checked} entries checked; none altered, inserted or missing.</Text>
        {result.head && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            Head: position {result.head.position}, hash <Code>{result.head.hash}</Code>
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Chain broken" role="alert">
      <Text size="sm">
        {result.checked} entries intact; the first bad entry is at position {result.firstBad?.position} (
        {result.firstBad?.problem}).
      </Text>
    </Alert>
  );
}
