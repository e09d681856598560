import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthStore } from './store';

/** How long a printed setup link works. */
export const SETUP_VALID_MS = 60 * 60_000;

/**
 * The first run's one-time secret (server/auth/setup.ts): 32 random bytes, only its SHA-256
 * kept in this database's auth settings, valid for one hour, replaced at every start.
 */
const SETTING = 'setup-secret';

type Stored = { hash: string; expiresAt: number };

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** A new one-time secret (the one before stops working); only its hash is kept. */
export function issueSetupSecret(store: AuthStore, now: Date = new Date()): string {
  const secret = randomBytes(32).toString('base64url');
  const stored: Stored = { hash: hashOf(secret), expiresAt: now.getTime() + SETUP_VALID_MS };
  store.setSetting(SETTING, JSON.stringify(stored));
  return secret;
}

/** Forgets the secret (an administrator exists). */
export function clearSetupSecret(store: AuthStore): void {
  store.setSetting(SETTING, undefined);
}

/** Whether `secret` is the current, unexpired one (constant-time compare; nothing consumed). */
export function setupSecretValid(store: AuthStore, secret: string, at: number): boolean {
  const raw = store.getSetting(SETTING);
  if (!raw || secret.length < 20 || secret.length > 100) return false;
  let stored: Stored;
  try {
    stored = JSON.parse(raw) as Stored;
  } catch {
    return false;
  }
  if (typeof stored.hash !== 'string' || typeof stored.expiresAt !== 'number' || at > stored.expiresAt) return false;
  const expected = Buffer.from(stored.hash);
  const actual = Buffer.from(hashOf(secret));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

