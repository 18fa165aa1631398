/** One key per resource, so a change invalidates exactly what shows it. */
export const queryKeys = {
  credentials: ['credentials'] as const,
  credentialList: (filters: object) => ['credentials', 'list', filters] as const,
  credential: (clientId: string) => ['credentials', 'detail', clientId] as const,
  credentialTokens: (clientId: string) => ['credentials', 'tokens', clientId] as const,
  credentialHistory: (clientId: string) => ['credentials', 'history', clientId] as const,
  audit: ['audit'] as const,
  auditList: (filters: object) => ['audit', 'list', filters] as const,
  auditVerification: ['audit-verification'] as const,
  access: (account: string, at: string) => ['access', account, at] as const,
  catalogue: ['catalogue'] as const,
  overview: ['overview'] as const,
};

/** What any change to a credential can alter. */
export const afterCredentialChange = [queryKeys.credentials, queryKeys.audit, queryKeys.overview];
