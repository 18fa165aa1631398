/** What may be asked of an API user; the application hashes passwords before a command is made. */
import type { BasicRefusalReason } from './events';
import type { ApiUserAccessChanges } from './fields';

export type ApiUserCommand =
  | {
      readonly type: 'CreateApiUser';
      readonly username: string;
      readonly accounts: readonly string[];
      readonly roles: readonly string[];
      readonly passwordHash: string;
    }
  | { readonly type: 'SetApiUserPassword'; readonly passwordHash: string }
  | { readonly type: 'ChangeApiUserAccess'; readonly changes: ApiUserAccessChanges }
  | { readonly type: 'DisableApiUser' }
  | { readonly type: 'EnableApiUser' }
  | { readonly type: 'DeleteApiUser' }
  | { readonly type: 'RecordApiUserMigration'; readonly clientId: string; readonly disableBasic: boolean }
  /** Successful Basic authentications counted since `firstUsedAt`, folded into one record a minute. */
  | { readonly type: 'RecordBasicUse'; readonly count: number; readonly firstUsedAt: string }
  | { readonly type: 'RecordBasicRefusal'; readonly reason: BasicRefusalReason; readonly sourceIp: string };
