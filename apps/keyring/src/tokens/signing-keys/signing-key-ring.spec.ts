import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Global, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  type JWTHeaderParameters,
  jwtVerify,
  SignJWT,
} from 'jose';
import { CLOCK } from '../../platform/clock/clock';
import { KEYRING_CONFIG, type SigningAlgorithm } from '../../platform/config/keyring-config';
import { readKeyRingFile } from './key-ring-file';
import { rotateSigningKeys } from './rotate-signing-keys';
import { SigningKeyRing } from './signing-key-ring';
import { SigningKeysModule } from './signing-keys.module';

const TTL_SECONDS = 300;
const SKEW_SECONDS = 60;

describe.each<SigningAlgorithm>(['ES256', 'EdDSA'])('the %s signing key ring', (alg) => {
  let dataDir: string;
  let file: string;
  let now: Date;
  let ring: SigningKeyRing;
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

  beforeEach(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-signing-key-ring-'));
    file = path.join(dataDir, 'signing-keys.json');
    now = new Date('2030-01-01T00:00:00.000Z');
    ring = new SigningKeyRing(
      { signingKeysFile: file, signingAlgorithm: alg, ttlSeconds: TTL_SECONDS },
      () => now,
    );
    await ring.onModuleInit();
  });
  afterEach(() => {
    ring.onModuleDestroy();
    jest.restoreAllMocks();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const sign = (signer = ring) => {
    const { kid, alg: signingAlg, key } = signer.current();
    return new SignJWT({ sub: 'client' })
      .setProtectedHeader({ alg: signingAlg, kid, typ: 'at+jwt' })
      .setIssuedAt()
      .sign(key);
  };
  const verify = (token: string) =>
    jwtVerify(token, (header: JWTHeaderParameters) => {
      const key = ring.keyFor(header);
      if (!key) throw new Error('no such key');
      return key;
    });

  it('generates and persists its first key on first start', async () => {
    const stored = (await readKeyRingFile(file))!;
    expect(stored.keys).toHaveLength(1);
    expect(ring.current()).toEqual(expect.objectContaining({ kid: stored.keys[0].kid, alg }));
  });

  it('loads the same key on the next start', async () => {
    const restarted = new SigningKeyRing(
      { signingKeysFile: file, signingAlgorithm: alg, ttlSeconds: TTL_SECONDS },
      () => now,
    );
    await restarted.onModuleInit();
    restarted.onModuleDestroy();
    expect(restarted.current().kid).toBe(ring.current().kid);
    await expect(verify(await sign(restarted))).resolves.toBeDefined();
  });

  it('names its key by the RFC 7638 thumbprint of the public key', async () => {
    const [published] = ring.jwks().keys;
    expect(ring.current().kid).toBe(await calculateJwkThumbprint(published));
  });

  it('publishes public keys only, with kid, alg and use', () => {
    const [published] = ring.jwks().keys;
    expect(published).toEqual(
      expect.objectContaining({
        kid: ring.current().kid,
        alg,
        use: 'sig',
        kty: alg === 'ES256' ? 'EC' : 'OKP',
      }),
    );
    expect(JSON.stringify(ring.jwks())).not.toContain('"d"');
    expect(Object.keys(published).sort()).toEqual(
      (alg === 'ES256'
        ? ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']
        : ['alg', 'crv', 'kid', 'kty', 'use', 'x']
      ).sort(),
    );
  });

  it('verifies a token signed with the current key', async () => {
    const { payload, protectedHeader } = await verify(await sign());
    expect(payload.sub).toBe('client');
    expect(protectedHeader).toEqual({ alg, kid: ring.current().kid, typ: 'at+jwt' });
  });

  it('has no key for a token signed by a foreign key, even one claiming our kid', async () => {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    const foreignKid = await calculateJwkThumbprint(await exportJWK(publicKey));
    for (const kid of [foreignKid, ring.current().kid]) {
      const token = await new SignJWT({ sub: 'intruder' }).setProtectedHeader({ alg, kid }).sign(privateKey);
      await expect(verify(token)).rejects.toThrow();
    }
    expect(ring.keyFor({ kid: foreignKid, alg })).toBeUndefined();
    expect(ring.keyFor({ alg })).toBeUndefined();
  });

  it('has no key for a known kid with another alg', () => {
    const otherAlg = alg === 'ES256' ? 'EdDSA' : 'ES256';
    expect(ring.keyFor({ kid: ring.current().kid, alg })).toBeDefined();
    expect(ring.keyFor({ kid: ring.current().kid, alg: otherAlg })).toBeUndefined();
    expect(ring.keyFor({ kid: ring.current().kid })).toBeUndefined();
  });

  describe('after a rotation by another process', () => {
    let oldKid: string;
    let oldToken: string;
    beforeEach(async () => {
      oldKid = ring.current().kid;
      oldToken = await sign();
      await rotateSigningKeys(file, alg, now, TTL_SECONDS);
    });

    it('picks the new key up without a restart', async () => {
      expect(await ring.reloadIfChanged()).toBe(true);
      const { kid } = (await readKeyRingFile(file))!.keys[0];
      expect(ring.current().kid).toBe(kid);
      expect(kid).not.toBe(oldKid);
      expect(await ring.reloadIfChanged()).toBe(false);
    });

    it('signs with the new key, lists it first, and still publishes and verifies with the old one', async () => {
      await ring.reloadIfChanged();
      expect(ring.jwks().keys.map((key) => key.kid)).toEqual([ring.current().kid, oldKid]);
      await expect(verify(oldToken)).resolves.toBeDefined();
      await expect(verify(await sign())).resolves.toBeDefined();
    });

    it('stops publishing the old key once every token it signed has expired', async () => {
      await ring.reloadIfChanged();
      later(TTL_SECONDS + SKEW_SECONDS);
      expect(ring.keyFor({ kid: oldKid, alg })).toBeDefined();
      later(1);
      expect(ring.jwks().keys.map((key) => key.kid)).toEqual([ring.current().kid]);
      expect(ring.keyFor({ kid: oldKid, alg })).toBeUndefined();
    });
  });

  it('keeps its keys, and says why once, when the changed file cannot be loaded', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { kid } = ring.current();
    const privateD = (await readKeyRingFile(file))!.keys[0].privateJwk.d!;
    fs.writeFileSync(file, `{"version":1,"keys":[{"privateJwk":{"d":"${privateD}"`);

    expect(await ring.reloadIfChanged()).toBe(false);
    expect(await ring.reloadIfChanged()).toBe(false);
    expect(ring.current().kid).toBe(kid);
    await expect(verify(await sign())).resolves.toBeDefined();
    expect(warn).toHaveBeenCalledTimes(1);
    const [message] = warn.mock.calls[0] as [string];
    expect(message).toContain(file);
    expect(message).not.toContain(privateD);
  });
});

describe('the signing keys module', () => {
  it('provides a key ring created on module init from the configuration and the clock', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyring-signing-keys-module-'));
    const signingKeysFile = path.join(dataDir, 'signing-keys.json');
    @Global()
    @Module({
      providers: [
        {
          provide: KEYRING_CONFIG,
          useValue: { tokens: { signingKeysFile, signingAlgorithm: 'EdDSA', ttlSeconds: 60 } },
        },
        { provide: CLOCK, useValue: () => new Date('2030-01-01T00:00:00.000Z') },
      ],
      exports: [KEYRING_CONFIG, CLOCK],
    })
    class GlobalsForTest {}

    const moduleRef = await Test.createTestingModule({
      imports: [GlobalsForTest, SigningKeysModule],
    }).compile();
    await moduleRef.init();
    try {
      const stored = (await readKeyRingFile(signingKeysFile))!;
      expect(moduleRef.get(SigningKeyRing).current().kid).toBe(stored.keys[0].kid);
      expect(stored.keys[0]).toEqual(
        expect.objectContaining({ alg: 'EdDSA', createdAt: '2030-01-01T00:00:00.000Z' }),
      );
    } finally {
      await moduleRef.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
