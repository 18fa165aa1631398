/**
 * Changing credentials. Each change invalidates the lists, the credential, the audit log and the
 * overview. Answers holding a plaintext secret are kept by the mutation only while its page shows them
 * (gcTime 0): they never enter the query cache.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectNoContent, unwrap } from '../../../lib/api-client';
import { afterCredentialChange } from '../../../lib/query-keys';
import type { CredentialChanges, NewCredential } from './types';

function useInvalidateCredentials() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(afterCredentialChange.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateCredentials() {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    gcTime: 0,
    mutationFn: async (credentials: NewCredential[]) =>
      credentials.length === 1
        ? [await unwrap(api.POST('/v1/credentials', { body: credentials[0] }))]
        : (await unwrap(api.POST('/v1/credentials/batch', { body: { credentials } }))).results,
    onSuccess: invalidate,
  });
}

export function useGenerateSecret(clientId: string) {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    gcTime: 0,
    mutationFn: () =>
      unwrap(api.POST('/v1/credentials/{clientId}/secrets', { params: { path: { clientId } }, body: {} })),
    onSuccess: invalidate,
  });
}

export function useDeleteSecret(clientId: string) {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: (secretId: string) =>
      expectNoContent(
        api.DELETE('/v1/credentials/{clientId}/secrets/{secretId}', {
          params: { path: { clientId, secretId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateCredential(clientId: string) {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: (changes: CredentialChanges) =>
      unwrap(api.PATCH('/v1/credentials/{clientId}', { params: { path: { clientId } }, body: changes })),
    onSuccess: invalidate,
  });
}

export function useRevokeCredential(clientId: string) {
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: () =>
      expectNoContent(api.DELETE('/v1/credentials/{clientId}', { params: { path: { clientId } } })),
    onSuccess: invalidate,
  });
}
