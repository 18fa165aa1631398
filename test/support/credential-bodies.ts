/** Request bodies for the management API, valid unless a test overrides a field. */
export const validCredential = (overrides: Record<string, unknown> = {}) => ({
  name: 'billing-service',
  description: 'Reads invoices for the billing dashboard',
  environment: 'production',
  accounts: ['9900001'],
  roles: ['billing:read'],
  apis: ['invoices:read', 'payments:read'],
  allowedIps: ['10.0.0.0/8', '2001:db8::1'],
  ...overrides,
});
