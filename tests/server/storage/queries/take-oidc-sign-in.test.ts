import { describe, expect, it } from 'vitest';
import { insertOidcSignIn } from '../../../../server/src/storage/queries/insert-oidc-sign-in';
import { takeOidcSignIn } from '../../../../server/src/storage/queries/take-oidc-sign-in';
import { sql } from '../../../../server/src/storage/sql';
import { makeTestApp } from '../../../support/test-app';

const NOW = new Date('2026-11-23T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe('sign-ins under way (oidc_sign_ins)', () => {
  it('a state is taken once, and never after it expired; starting a sign-in drops the expired ones', async () => {
    const { storage } = await makeTestApp();
    await insertOidcSignIn(storage, { stateHash: 'a', nonce: 'n-a', codeVerifier: 'v-a', createdAt: NOW, expiresAt: minutes(10) });
    await insertOidcSignIn(storage, { stateHash: 'b', nonce: 'n-b', codeVerifier: 'v-b', createdAt: NOW, expiresAt: minutes(10) });
    expect(await takeOidcSignIn(storage, 'a', minutes(5))).toEqual({ nonce: 'n-a', codeVerifier: 'v-a' });
    expect(await takeOidcSignIn(storage, 'a', minutes(5))).toBeUndefined();
    expect(await takeOidcSignIn(storage, 'unknown', minutes(5))).toBeUndefined();
    expect(await takeOidcSignIn(storage, 'b', minutes(10))).toBeUndefined();
    await insertOidcSignIn(storage, { stateHash: 'c', nonce: 'n-c', codeVerifier: 'v-c', createdAt: minutes(11), expiresAt: minutes(21) });
    expect(await storage.all(sql`SELECT state_hash AS "stateHash" FROM oidc_sign_ins`)).toEqual([{ stateHash: 'c' }]);
  });
});
