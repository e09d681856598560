import type { Context, Next } from 'hono';
import { matchedRoutes } from 'hono/route';
import { can, type Action } from '../../src/domain/permissions';
import type { User } from '../../src/domain/user';
import { problems } from '../problem';

/**
 * What a write route requires, declared where the route registers:
 * - an action: the actor's role must have it (src/domain/permissions.ts);
 * - `anyOf`: the role must have one of them, and the handler checks the rest per item (an
 *   officer's own follow-up);
 * - `public`: no user needed (signing in and out).
 */
export type RouteRule = { action: Action } | { anyOf: readonly Action[] } | 'public';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** `POST /api/meetings` → its rule. Filled as routes register; a write without one is refused. */
export class RouteRules {
  private readonly rules = new Map<string, RouteRule>();

  constructor(private readonly basePath: string) {}

  declare(method: string, path: string, rule: RouteRule): void {
    this.rules.set(`${method.toUpperCase()} ${this.basePath}${path}`, rule);
  }

  get(method: string, fullPath: string): RouteRule | undefined {
    return this.rules.get(`${method.toUpperCase()} ${fullPath}`);
  }
}

/** Whether a role satisfies a rule (before any per-item check). */
export function allows(user: User, rule: RouteRule): boolean {
  if (rule === 'public') return true;
  if ('action' in rule) return can(user.role, rule.action);
  return rule.anyOf.some((action) => can(user.role, action));
}

/**
 * Deny by default: every request that is not a read must hit a route that declared its rule,
 * and the actor must satisfy it, before the handler runs. A new write route without a rule is
 * refused with 403 (and the roles matrix test fails on it). With sign-in on, reads need a
 * signed-in user too.
 */
export function enforceRules(options: {
  rules: RouteRules;
  actor: (request: Request) => Promise<User>;
  readsNeedUser: boolean;
}) {
  return async (c: Context, next: Next): Promise<Response | void> => {
    const method = c.req.method.toUpperCase();
    // The handler that will answer: the first matched route for this method (not middleware).
    const route = matchedRoutes(c).find((r) => r.method === method || (method === 'HEAD' && r.method === 'GET'));
    if (!route) return next(); // no such endpoint: 404 from notFound
    const rule = options.rules.get(method === 'HEAD' ? 'GET' : method, route.path);
    if (READ_METHODS.has(method)) {
      if (options.readsNeedUser && rule !== 'public') await options.actor(c.req.raw);
      return next();
    }
    if (!rule) throw problems.forbidden('This endpoint declares no permission rule, so nobody may call it.');
    if (rule === 'public') return next();
    const user = await options.actor(c.req.raw); // 401 without a signed-in, active user
    if (!allows(user, rule)) throw problems.forbidden();
    return next();
  };
}
