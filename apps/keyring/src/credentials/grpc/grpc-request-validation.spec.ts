import { CreateCredentialDto } from '../dto/create-credential.dto';
import { Refusal } from '@keyring/domain';
import { protoFieldPath, validated } from '../../platform/grpc/grpc-request-validation';

describe('gRPC request validation', () => {
  it('names fields as the contract does', () => {
    expect(protoFieldPath('allowedIps[0]')).toBe('allowed_ips[0]');
    expect(protoFieldPath('credentials[1].allowedIps', '')).toBe('credentials[1].allowed_ips');
    expect(protoFieldPath('secretLifetimeDays', 'credential')).toBe('credential.secret_expires_in_days');
    expect(protoFieldPath('', 'credential')).toBe('credential');
  });

  it('applies REST’s rules and refuses with every bad field', () => {
    const attempt = () =>
      validated(
        CreateCredentialDto,
        { name: '', environment: 'moon', accounts: ['9900001'], roles: ['r'] },
        'credential',
      );
    expect(attempt).toThrow(Refusal);
    try {
      attempt();
    } catch (error) {
      expect((error as Refusal).details.violations?.map((violation) => violation.field).sort()).toEqual([
        'credential.environment',
        'credential.name',
      ]);
    }
  });

  it('returns the validated request', () => {
    const dto = validated(CreateCredentialDto, {
      name: 'svc',
      environment: 'production',
      accounts: ['9900001'],
      roles: ['billing:read'],
    });
    expect(dto).toBeInstanceOf(CreateCredentialDto);
    expect(dto.name).toBe('svc');
  });
});
