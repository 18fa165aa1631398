/** The fields of a credential, shared by the New and Edit pages, with the API's errors beside them. */
import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { reachesEveryAccount, useSession } from '../../../lib/session';
import { useCatalogue } from '../api/catalogue';
import { ENVIRONMENTS, type Environment } from '../api/types';

export interface CredentialFormValues {
  name: string;
  description: string;
  environment: Environment;
  accounts: string[];
  roles: string[];
  apis: string[];
  allowedIps: string[];
  secretExpiresInDays: number;
}

export const emptyCredential = (): CredentialFormValues => ({
  name: '',
  description: '',
  environment: 'development',
  accounts: [],
  roles: [],
  apis: [],
  allowedIps: [],
  secretExpiresInDays: 90,
});

interface Props {
  readonly values: CredentialFormValues;
  readonly onChange: (values: CredentialFormValues) => void;
  readonly errors: Record<string, string>;
  /** Environment and secret lifetime are set at creation only. */
  readonly creating: boolean;
}

const union = (...lists: (readonly string[])[]) => [...new Set(lists.flat())];

export function CredentialFields({ values, onChange, errors, creating }: Props) {
  const session = useSession();
  const catalogue = useCatalogue().data ?? { roles: [], apis: [] };
  const set = <K extends keyof CredentialFormValues>(key: K, value: CredentialFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const freeAccounts = !session || reachesEveryAccount(session);

  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        required
        maxLength={100}
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errors.name}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxLength={500}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={errors.description}
      />
      {creating && (
        <Select
          label="Environment"
          required
          allowDeselect={false}
          data={[...ENVIRONMENTS]}
          value={values.environment}
          onChange={(value) => value && set('environment', value as Environment)}
          error={errors.environment}
        />
      )}
      {freeAccounts ? (
        <TagsInput
          label="Accounts"
          description="Account IDs; * for every account. Press Enter after each."
          required
          value={values.accounts}
          onChange={(value) => set('accounts', value)}
          error={errors.accounts}
        />
      ) : (
        <MultiSelect
          label="Accounts"
          description="Only the accounts you reach"
          required
          data={union(session.accounts, values.accounts)}
          value={values.accounts}
          onChange={(value) => set('accounts', value)}
          error={errors.accounts}
        />
      )}
      {catalogue.roles.length > 0 ? (
        <MultiSelect
          label="Roles"
          required
          searchable
          data={union(catalogue.roles, values.roles)}
          value={values.roles}
          onChange={(value) => set('roles', value)}
          error={errors.roles}
        />
      ) : (
        <TagsInput
          label="Roles"
          description="e.g. billing:read. Press Enter after each."
          required
          value={values.roles}
          onChange={(value) => set('roles', value)}
          error={errors.roles}
        />
      )}
      <Stack gap={4}>
        {catalogue.apis.length > 0 ? (
          <MultiSelect
            label="APIs"
            description="The OAuth scopes the credential may request"
            searchable
            data={union(catalogue.apis, values.apis)}
            value={values.apis}
            onChange={(value) => set('apis', value)}
            error={errors.apis}
          />
        ) : (
          <TagsInput
            label="APIs"
            description="The OAuth scopes the credential may request, e.g. invoices:read. Press Enter after each."
            value={values.apis}
            onChange={(value) => set('apis', value)}
            error={errors.apis}
          />
        )}
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            disabled={catalogue.apis.length === 0}
            onClick={() => set('apis', union(values.apis, catalogue.apis))}
          >
            Select all APIs
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => set('apis', [])}>
            Unselect all APIs
          </Button>
        </Group>
      </Stack>
      <TagsInput
        label="Allowed IPs"
        description="Addresses or CIDR blocks tokens may be requested from; empty allows any. Press Enter after each."
        value={values.allowedIps}
        onChange={(value) => set('allowedIps', value)}
        error={errors.allowedIps}
      />
      {creating && (
        <NumberInput
          label="Secret lifetime (days)"
          min={1}
          max={365}
          value={values.secretExpiresInDays}
          onChange={(value) =>
            set('secretExpiresInDays', typeof value === 'number' ? value : Number(value) || 0)
          }
          error={errors.secretExpiresInDays}
        />
      )}
    </Stack>
  );
}
