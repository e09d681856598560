import type { Hono } from 'hono';
import { z } from 'zod';
import { userInput } from '../../src/domain/schemas';
import { toFieldErrors } from '../../src/domain/schemas/issues';
import type { User } from '../../src/domain/user';
import type { FieldError } from '../../src/domain/validation';
import type { ApiDeps } from '../context';
import { json, readJson } from '../http';
import { ProblemError, problemResponse, problems } from '../problem';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { activeAdminIds, userIdByEmail } from '../db/users';
import { homeRegionIds } from '../db/scope';
import type { Store } from '../store';
import type { Auth } from './auth';
import { guessablePasswordError, passwordError } from './password-rules';

/**
 * The first run: on a database where no administrator can sign in, `npm start` prints one link
 * with a one-time secret (Jupyter's and Jenkins's way). The link opens /setup in the app, where
 * the first administrator gives a name, an e-mail address and a passphrase, and is signed in.
 *
 * The secret: 32 random bytes, only its SHA-256 stored (in this database's auth settings, so it
 * is useless for any other database), valid for one hour, replaced at every start, gone once
 * used. Once an administrator who can sign in exists, GET and POST /api/setup answer 404.
 * The secret's hashing lives in setup-secret.ts (node:crypto), reached through `Auth`: these
 * routes also run in the browser demo, where they answer 404 (no sign-in there).
 */

/** Whether no active administrator with a password exists (the first run is still open). */
export async function needsSetup(db: Kysely<DB>, auth: Pick<Auth, 'hasPassword'>): Promise<boolean> {
  for (const id of await activeAdminIds(db)) if (await auth.hasPassword(id)) return false;
  return true;
}

export const SETUP_PROBLEM_TYPES = { invalidLink: '/problems/setup-link-invalid' } as const;

const invalidLink = () =>
  new ProblemError({
    type: SETUP_PROBLEM_TYPES.invalidLink,
    title: 'This setup link is not valid: it was used already, has expired, or belongs to another start of the server.',
    detail: 'Restart the server to print a new link.',
    status: 403,
  });

const setupBody = z.strictObject({
  secret: z.string({ error: 'required' }).max(200),
  name: z.unknown(),
  email: z.unknown(),
  password: z.unknown(),
});

/** GET /api/setup (is the first run open?) and POST /api/setup (make the first administrator). */
export function registerSetup(app: Hono, deps: ApiDeps): void {
  const { auth, store } = deps;
  if (!auth) return;
  const open = () => needsSetup(store.db, auth);
  const notFound = () => problemResponse({ type: '/problems/not-found', title: 'There is no such API endpoint.', status: 404 });

  deps.rules.declare('GET', '/setup', 'public');
  app.get('/setup', async () => ((await open()) ? json({ open: true }) : notFound()));

  deps.rules.declare('POST', '/setup', 'public');
  app.post('/setup', async (c) => {
    if (!(await open())) return notFound();
    const { value } = await readJson(c.req.raw);
    const shape = setupBody.safeParse(value);
    if (!shape.success) throw problems.validation(toFieldErrors(shape.error));
    const at = deps.now().getTime();
    if (!(await auth.setupSecretValid(shape.data.secret, at))) throw invalidLink();

    // The same rules as any user, and the password's; every error at once.
    const fields = { name: shape.data.name, email: shape.data.email, role: 'admin' };
    const parsed = userInput.safeParse(fields, { reportInput: true });
    const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error);
    const password = shape.data.password;
    const lengthError = passwordError(password);
    const error =
      lengthError ??
      (typeof password === 'string' ? await guessablePasswordError(password, 'password', [String(fields.name ?? ''), String(fields.email ?? '')]) : undefined);
    if (error) errors.push(error);
    if (!parsed.success || errors.length > 0 || typeof password !== 'string') throw problems.validation(errors);

    // Awaited above: check again that nobody finished the setup meanwhile, and use the secret up
    // (one request only, however many bring it at once).
    if (!(await open())) return notFound();
    if (!(await auth.useSetupSecret(shape.data.secret, deps.now().getTime()))) throw invalidLink();

    const input = parsed.data;
    const user = await makeAdmin(store, input, 'First administrator, through the setup link.', deps.now);
    await auth.setPassword(user.id, password, 'password', [input.name, input.email]);
    const response = json({ user }, { status: 201, headers: { 'cache-control': 'no-store' } });
    for (const cookie of await auth.startSession(c.req.raw, user)) response.headers.append('set-cookie', cookie);
    return response;
  });
}

/**
 * Makes the user with this e-mail (any case) an active administrator, or creates one: the first
 * run's setup and `npm run create-admin`. One transaction, audited as 'system' with the note.
 */
export async function makeAdmin(store: Store, input: { name: string; email: string }, note: string, now: () => Date): Promise<User> {
  return store.transaction(async (tx) => {
    const at = now().toISOString();
    const sameId = await userIdByEmail(tx.db, input.email);
    const same = sameId ? await tx.users.get(sameId) : undefined;
    if (same) {
      const next: User = { ...same, name: input.name, role: 'admin', active: true, version: same.version + 1, updatedAt: at };
      await tx.users.replace(next, same);
      return next;
    }
    // The first administrator works for every home government there is (and, as an
    // administrator, sees every one: src/domain/home-governments.ts).
    const homes = await homeRegionIds(tx.db);
    const created: User = { id: await tx.nextId('usr'), name: input.name, email: input.email, role: 'admin', active: true, homeRegionIds: homes, version: 1, createdAt: at, updatedAt: at };
    await tx.users.insert(created);
    return created;
  }, { actorId: 'system', note });
}
