import type { Hono } from 'hono';
import { z } from 'zod';
import { userInput } from '../../src/domain/schemas';
import { toFieldErrors } from '../../src/domain/schemas/issues';
import type { User } from '../../src/domain/user';
import { fieldError, type FieldError } from '../../src/domain/validation';
import type { ApiDeps } from '../context';
import { compact, etag, json, parseWith, readJson } from '../http';
import { emailTaken, userIdByEmail } from '../db/users';
import { problemResponse, problems } from '../problem';
import { guessablePasswordError, passwordError } from './password-rules';
import { authProblems } from './problems';
import { registerSetup } from './setup';
import { checkUserHomeRegions } from '../routes/scope';

const signInInput = z.strictObject({
  email: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(320, { error: 'tooLong' }),
  // Not the new-password rules: a sign-in only compares. Long enough for any allowed password.
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1024, { error: 'tooLong' }),
});

const passwordInput = z.strictObject({ password: z.string({ error: 'required' }) });

/**
 * POST /auth/sign-in, POST /auth/sign-out, and (sign-in on) the user writes that carry a
 * password: POST /users with an optional first password, POST /users/:id/password for an
 * administrator's reset. Passwords go to the AuthStore only: never into a User, an answer, the
 * audit trail or a log line.
 */
export function registerAuth(app: Hono, deps: ApiDeps): void {
  const { auth, store } = deps;
  if (!auth) return;
  // E-mail addresses are unique without regard to case (the users' `email_key`).
  const findUserByEmail = async (email: string) => {
    const id = await userIdByEmail(store.db, email);
    return id ? store.users.get(id) : undefined;
  };

  deps.rules.declare('POST', '/auth/sign-in', 'public');
  app.post('/auth/sign-in', async (c) => {
    const { value } = await readJson(c.req.raw);
    const { email, password } = parseWith(signInInput, value);
    const result = await auth.signIn(c.req.raw, findUserByEmail, email, password);
    if (result.ok) {
      const response = json({ user: result.user }, { headers: { 'cache-control': 'no-store' } });
      for (const cookie of result.cookies) response.headers.append('set-cookie', cookie);
      return response;
    }
    if (result.busy) {
      const { problem } = authProblems.busy(result.retryAfterSeconds ?? 1);
      return problemResponse(problem, { 'retry-after': String(result.retryAfterSeconds ?? 1) });
    }
    if (result.retryAfterSeconds !== undefined) {
      const { problem } = authProblems.tooManyAttempts(result.retryAfterSeconds);
      return problemResponse(problem, { 'retry-after': String(result.retryAfterSeconds) });
    }
    throw authProblems.signInFailed();
  });

  registerSetup(app, deps);

  deps.rules.declare('POST', '/auth/sign-out', 'public');
  app.post('/auth/sign-out', async (c) => new Response(null, { status: 204, headers: { 'set-cookie': await auth.signOut(c.req.raw) } }));

  deps.rules.declare('POST', '/users', { action: 'user.manage' });
  app.post('/users', async (c) => {
    const actor = await deps.actor(c.req.raw);
    const { value } = await readJson(c.req.raw);
    const body = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    const { password, ...fields } = body ?? {};
    // Every invalid field at once, the password's length among them.
    const parsed = userInput.safeParse(body ? fields : value, { reportInput: true });
    const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error);
    if (password !== undefined) {
      const error =
        passwordError(password) ??
        (typeof password === 'string' ? await guessablePasswordError(password, 'password', [String(fields.name ?? ''), String(fields.email ?? '')]) : undefined);
      if (error) errors.push(error);
    }
    if (!parsed.success || errors.length > 0) throw problems.validation(errors);
    const input = { ...parsed.data, homeRegionIds: await checkUserHomeRegions(deps, parsed.data, true, actor) };
    // Emails sign people in, so no two users share one.
    if (await emailTaken(store.db, input.email)) throw problems.validation([fieldError('email', 'duplicate')]);
    const user = await store.transaction(async (tx) => {
      if (await emailTaken(tx.db, input.email)) throw problems.validation([fieldError('email', 'duplicate')]);
      const at = deps.now().toISOString();
      const created: User = compact({ ...input, id: await tx.nextId('usr'), version: 1, createdAt: at, updatedAt: at });
      await tx.users.insert(created);
      return created;
    }, { actorId: actor.id });
    const { id } = user;
    // The password after the user exists (its hash names the user); the hash is slow, so it is
    // not made inside the transaction.
    if (typeof password === 'string') await auth.setPassword(id, password, 'password', [input.name, input.email]);
    return json(user, { status: 201, headers: { location: `/api/users/${id}`, etag: etag(user.version) } });
  });

  deps.rules.declare('POST', '/users/:id/password', { action: 'user.manage' });
  app.post('/users/:id/password', async (c) => {
    const actor = await deps.actor(c.req.raw);
    const user = await store.users.get(c.req.param('id'));
    if (!user) throw problems.notFound('User');
    const { value } = await readJson(c.req.raw);
    const { password } = parseWith(passwordInput, value);
    await auth.setPassword(user.id, password, 'password', [user.name, user.email]);
    // The trail says that (and who) reset it, never the password: an entry with a note and no
    // field changes (the User itself is unchanged).
    await store.transaction(async (tx) => {
      const current = (await tx.users.get(user.id)) ?? user;
      await tx.users.replace(current, current);
    }, { actorId: actor.id, note: 'Password reset; sessions ended.' });
    return new Response(null, { status: 204 });
  });
}
