import type { Hono } from 'hono';
import { z } from 'zod';
import { REGION_LEVELS, REGION_ROLES } from '../../src/domain/region';
import { ORGANIZATION_KINDS } from '../../src/domain/organization';
import { ROLES } from '../../src/domain/user';
import {
  countryCode,
  organizationInput,
  organizationPatch,
  personInput,
  personPatch,
  regionInput,
  regionPatch,
  sectorInput,
  sectorPatch,
  userInput,
  userPatch,
} from '../../src/domain/schemas';
import { fieldError } from '../../src/domain/validation';
import type { ApiDeps } from '../context';
import { json, refChecks, sectorChecks, type RefCheck } from '../http';
import { problems } from '../problem';
import type { ListingName } from '../db/listings';
import { emailTaken, otherActiveAdmins } from '../db/users';
import { registerCrud, scopedListing } from './crud';
import { checkUserHomeRegions, personRegionChecks } from './scope';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The people list's filters (GET /people and its CSV export, server/routes/record-exports.ts). */
export const PEOPLE_FILTERS = { regionId: z.string().max(80).optional(), organizationId: z.string().max(80).optional() };

/** Reference data: sectors, regions, organisations, people and users. */
export function registerReference(app: Hono, deps: ApiDeps): void {
  const { store } = deps;
  /** A resource's list, in SQL (server/db/listings.ts), and the sorts it offers. */
  const listing = (name: ListingName) => scopedListing(deps, name);

  registerCrud<'sectors', Record<string, never>>(app, deps, {
    path: '/sectors',
    label: 'Sector',
    prefix: 'sec',
    clientId: true,
    collection: 'sectors',
    filters: {},
    ...listing('sectors'),
    defaultSort: 'id',
    create: sectorInput,
    patch: sectorPatch,
    whole: sectorInput,
    inputOf: ({ version: _v, createdAt: _c, updatedAt: _u, retiredAt: _r, ...fields }) => fields,
    actions: { create: 'sector.write', patch: 'sector.write' },
    refs: () => [],
    // Retiring keeps the first date; bringing back removes it. Records that name it keep it either way.
    patchFields: ({ retired, ...set }, current, at) => {
      if (retired === true && current.retiredAt === undefined) return { set: { ...set, retiredAt: at }, clear: [] };
      if (retired === false) return { set, clear: ['retiredAt'] };
      return { set, clear: [] };
    },
  });

  registerCrud<'regions', {
    role?: string[];
    level?: string[];
    countryCode?: string;
    sectorId?: string;
  }>(app, deps, {
    path: '/regions',
    label: 'Region',
    prefix: 'reg',
    collection: 'regions',
    filters: {
      role: z.array(z.enum(REGION_ROLES)).optional(),
      level: z.array(z.enum(REGION_LEVELS)).optional(),
      countryCode: countryCode.optional(),
      sectorId: z.string().max(40).optional(),
    },
    arrayKeys: ['role', 'level'],
    ...listing('regions'),
    defaultSort: 'name',
    create: regionInput,
    patch: regionPatch,
    whole: regionInput,
    actions: { create: 'region.write', patch: 'region.write' },
    refs: (r, request) => [sectorChecks(store, 'strengths', r.strengths as string[] | undefined), onlyAdminsMakeHomeGovernments(deps, request, r.role)],
  });

  registerCrud<'organizations', { kind?: string[] }>(app, deps, {
    path: '/organizations',
    label: 'Organisation',
    prefix: 'org',
    collection: 'organizations',
    filters: { kind: z.array(z.enum(ORGANIZATION_KINDS)).optional() },
    arrayKeys: ['kind'],
    ...listing('organizations'),
    defaultSort: 'name',
    create: organizationInput,
    patch: organizationPatch,
    whole: organizationInput,
    actions: { create: 'organization.write', patch: 'organization.write' },
    refs: () => [],
  });

  registerCrud<'people', { regionId?: string; organizationId?: string }>(
    app,
    deps,
    {
      path: '/people',
      label: 'Person',
      prefix: 'per',
      collection: 'people',
      filters: PEOPLE_FILTERS,
      ...listing('people'),
      defaultSort: 'name',
      create: personInput,
      patch: personPatch,
      whole: personInput,
      actions: { create: 'person.write', patch: 'person.write' },
      // A person filed under a home government is its official: only under one of the user's.
      refs: (p, request) => [
        personRegionChecks(deps, request, 'regionId', p.regionId as string | undefined),
        refChecks(store.organizations, 'organizationId', p.organizationId as string | undefined),
      ],
    },
  );

  registerCrud<'users', { role?: string[]; active?: boolean }>(app, deps, {
    path: '/users',
    label: 'User',
    prefix: 'usr',
    collection: 'users',
    filters: { role: z.array(z.enum(ROLES)).optional(), active: bool.optional() },
    arrayKeys: ['role'],
    ...listing('users'),
    defaultSort: 'name',
    // With sign-in on, creating a user may set their first password: server/auth/routes.ts
    // registers that POST (the password goes to the AuthStore, never into the User).
    ...(deps.auth ? {} : { create: userInput }),
    patch: userPatch,
    whole: userInput,
    actions: { create: 'user.manage', patch: 'user.manage' },
    // Someone must stay able to manage users: the last active administrator keeps the role.
    complete: async (input, actor) => ({ ...input, homeRegionIds: await checkUserHomeRegions(deps, input, true, actor) }),
    checkPatch: async (next, current, tx) => {
      // Throws field errors for unknown governments, or none for a user who is not an administrator.
      next.homeRegionIds = await checkUserHomeRegions(deps, next, false, undefined, tx.db);
      const wasAdmin = current.role === 'admin' && current.active;
      const staysAdmin = next.role === 'admin' && next.active;
      if (!wasAdmin || staysAdmin) return [];
      return (await otherActiveAdmins(tx.db, current.id)) > 0
        ? []
        : [{ path: next.active ? 'role' : 'active', code: 'invalid', message: 'This would leave no active administrator.' }];
    },
    // E-mails sign people in: no two users share one, in any case.
    checkUnique: async (next, current, tx) =>
      (await emailTaken(tx.db, next.email, current?.id)) ? [fieldError('email', 'duplicate')] : [],
    // A disabled user is signed out everywhere at once.
    afterPatch: async (next) => {
      if (!next.active) await deps.auth?.endSessions(next.id);
    },
    refs: () => [],
  });

  /** Who is asking: the signed-in user (or, in demo mode, the one the header names), or 401. */
  app.get('/session', async (c) => json({ user: await deps.actor(c.req.raw), mode: deps.auth ? 'server' : 'demo' }));
}

/**
 * A home government is an office of the deployment (issue 15): only administrators add one, or
 * turn a region into one, since every user's access follows it. 403, nothing written.
 */
async function onlyAdminsMakeHomeGovernments(deps: ApiDeps, request: Request, role: unknown): Promise<RefCheck[]> {
  if (role !== 'home') return [];
  const actor = await deps.actor(request);
  if (actor.role !== 'admin') throw problems.forbidden('Only administrators add home governments.');
  return [];
}
