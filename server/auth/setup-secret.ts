import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthStore } from './store';

/** How long a printed setup link works. */
export const SETUP_VALID_MS = 60 * 60_000;

/**
 * The first run's one-time secret (server/auth/setup.ts): 32 random bytes, only its SHA-256
 * kept in this database's auth settings, valid for one hour, replaced at every start.
 */
export const SETUP_SECRET_SETTING = 'setup-secret';
const SETTING = SETUP_SECRET_SETTING;

type Stored = { hash: string; expiresAt: number };

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** A new one-time secret (the one before stops working); only its hash is kept. */
export async function issueSetupSecret(store: AuthStore, now: Date = new Date()): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const stored: Stored = { hash: hashOf(secret), expiresAt: now.getTime() + SETUP_VALID_MS };
  await store.setSetting(SETTING, JSON.stringify(stored));
  return secret;
}

/** Forgets the secret (an administrator exists). */
export async function clearSetupSecret(store: AuthStore): Promise<void> {
  await store.setSetting(SETTING, undefined);
}

/** Whether `secret` is the current, unexpired one (constant-time compare; nothing consumed). */
export async function setupSecretValid(store: AuthStore, secret: string, at: number): Promise<boolean> {
  return (await currentIfValid(store, secret, at)) !== undefined;
}

/**
 * Uses the secret up if it is the current, unexpired one: true for exactly one of any number of
 * requests that bring it at once, in any process (the stored value is deleted only if unchanged).
 */
export async function useSetupSecret(store: AuthStore, secret: string, at: number): Promise<boolean> {
  const raw = await currentIfValid(store, secret, at);
  return raw !== undefined && (await store.takeSetting(SETTING, raw));
}

/** The stored value when `secret` matches it and it has not expired. */
async function currentIfValid(store: AuthStore, secret: string, at: number): Promise<string | undefined> {
  if (secret.length < 20 || secret.length > 100) return undefined;
  const raw = await store.getSetting(SETTING);
  if (!raw) return undefined;
  let stored: Stored;
  try {
    stored = JSON.parse(raw) as Stored;
  } catch {
    return undefined;
  }
  if (typeof stored.hash !== 'string' || typeof stored.expiresAt !== 'number' || at > stored.expiresAt) return undefined;
  const expected = Buffer.from(stored.hash);
  const actual = Buffer.from(hashOf(secret));
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? raw : undefined;
}
