import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
export { PASSWORD_MAX, PASSWORD_MIN, passwordIssue, type PasswordIssue } from '../../src/domain/password';
export { guessablePasswordError, passwordError } from './password-rules';

/**
 * scrypt with N = 2^15, r = 8, p = 1 (OWASP Password Storage Cheat Sheet's minimum), a 16-byte
 * random salt and a 32-byte key. Stored as a PHC-style string that carries its parameters, so
 * they can be raised later and old hashes still verify:
 * `$scrypt$ln=15,r=8,p=1$<salt base64>$<key base64>`.
 */
export const SCRYPT = { ln: 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

function derive(password: string, salt: Buffer, ln: number, r: number, p: number, keyBytes: number): Promise<Buffer> {
  const N = 2 ** ln;
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N = 2^15, r = 8.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, ln: number = SCRYPT.ln): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const key = await derive(password, salt, ln, SCRYPT.r, SCRYPT.p, SCRYPT.keyBytes);
  return `$scrypt$ln=${ln},r=${SCRYPT.r},p=${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** Whether `password` matches `encoded`; constant-time compare. A malformed hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = FORMAT.exec(encoded);
  if (!match) return false;
  const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  if (expected.length < 16 || Number(ln) < 10 || Number(ln) > 20) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(ln), Number(r), Number(p), expected.length);
  return timingSafeEqual(actual, expected);
}

const dummies = new Map<number, Promise<string>>();

/**
 * A hash of nothing anyone knows, verified against when the email is unknown (or has no
 * password), so an unknown email costs the same scrypt work as a wrong password.
 */
export function dummyHash(ln: number = SCRYPT.ln): Promise<string> {
  let dummy = dummies.get(ln);
  if (!dummy) {
    dummy = hashPassword(randomBytes(24).toString('base64'), ln);
    dummies.set(ln, dummy);
  }
  return dummy;
}
