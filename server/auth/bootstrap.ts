import type { User } from '../../src/domain/user';
import { auditedStore } from '../audit';
import type { Store } from '../store';
import type { Auth } from './auth';
import { guessablePasswordError, passwordError, PASSWORD_MAX, PASSWORD_MIN } from './password';

export type AdminSeed = { email: string; password: string; name: string; force?: boolean };

export type BootstrapResult = { created: boolean; user: User; reason?: 'admin-exists' };

/**
 * The first administrator, from MITRA_ADMIN_EMAIL / MITRA_ADMIN_PASSWORD / MITRA_ADMIN_NAME at
 * start or from `npm run create-admin`. Does nothing when an active administrator who can sign
 * in already exists (unless `force`): a restart with the variables still set never resets a
 * password someone has changed since. There is no default password: all three must be given.
 * An existing user with that email becomes an active admin and gets the password.
 * Pass the storage Store (not an API's): the write is audited here, by 'system'.
 */
export async function bootstrapAdmin(raw: Store, auth: Auth, seed: AdminSeed, now: () => Date = () => new Date()): Promise<BootstrapResult> {
  const store = auditedStore(raw, now);
  const email = seed.email.trim();
  const name = seed.name.trim();
  if (!email || !name) throw new Error('The administrator needs an email address and a name.');
  if (passwordError(seed.password)) {
    throw new Error(`The password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long (spaces count).`);
  }
  if (await guessablePasswordError(seed.password, 'password', [name, email])) {
    throw new Error('The password is too easy to guess (commonly used, or a simple pattern): add more words of your own.');
  }
  let existingAdmin: User | undefined;
  for (const user of store.users.all()) {
    if (user.role === 'admin' && user.active && (await auth.hasPassword(user.id))) {
      existingAdmin = user;
      break;
    }
  }
  if (existingAdmin && !seed.force) return { created: false, user: existingAdmin, reason: 'admin-exists' };

  const at = now().toISOString();
  const same = store.users.all().find((u) => u.email.toLowerCase() === email.toLowerCase());
  const id = same?.id ?? store.nextId('usr');
  await auth.setPassword(id, seed.password, 'password', [name, email]);
  const user = store.transaction(() => {
    if (same) {
      const next: User = { ...same, name, role: 'admin', active: true, version: same.version + 1, updatedAt: at };
      store.users.replace(next);
      return next;
    }
    const created: User = { id, name, email, role: 'admin', active: true, version: 1, createdAt: at, updatedAt: at };
    store.users.insert(created);
    return created;
  }, { actorId: 'system', note: 'first administrator' });
  return { created: true, user };
}

/** Reads the seed from the environment; undefined unless all three variables are set. */
export function adminSeedFromEnv(env: NodeJS.ProcessEnv = process.env): AdminSeed | undefined {
  const { MITRA_ADMIN_EMAIL: email, MITRA_ADMIN_PASSWORD: password, MITRA_ADMIN_NAME: name } = env;
  if (!email || !password || !name) return undefined;
  return { email, password, name };
}
