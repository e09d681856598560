import type { Hono } from 'hono';
import { z } from 'zod';
import { REGION_LEVELS, REGION_ROLES } from '../../src/domain/region';
import { ORGANIZATION_KINDS } from '../../src/domain/organization';
import { ROLES, type User } from '../../src/domain/user';
import type { Region } from '../../src/domain/region';
import type { Organization } from '../../src/domain/organization';
import type { Person } from '../../src/domain/person';
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
import { json, refChecks, sectorChecks } from '../http';
import { registerCrud } from './crud';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Reference data: sectors, regions, organisations, people and users. */
export function registerReference(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  registerCrud(app, deps, {
    path: '/sectors',
    label: 'Sector',
    prefix: 'sec',
    clientId: true,
    collection: store.sectors,
    filters: {},
    text: (s) => `${s.id} ${s.name.id} ${s.name.en}`,
    sorts: { id: (s) => s.id, 'name.id': (s) => s.name.id, 'name.en': (s) => s.name.en },
    defaultSort: 'id',
    create: sectorInput,
    patch: sectorPatch,
    whole: sectorInput,
    inputOf: ({ version: _v, createdAt: _c, updatedAt: _u, ...fields }) => fields,
    actions: { create: 'sector.write', patch: 'sector.write' },
    refs: () => [],
  });

  registerCrud<Region, {
    role?: string[];
    level?: string[];
    countryCode?: string;
    sectorId?: string;
  }>(app, deps, {
    path: '/regions',
    label: 'Region',
    prefix: 'reg',
    collection: store.regions,
    filters: {
      role: z.array(z.enum(REGION_ROLES)).optional(),
      level: z.array(z.enum(REGION_LEVELS)).optional(),
      countryCode: countryCode.optional(),
      sectorId: z.string().max(40).optional(),
    },
    arrayKeys: ['role', 'level'],
    filter: (q) => (r) =>
      (!q.role || q.role.includes(r.role)) &&
      (!q.level || q.level.includes(r.level)) &&
      (!q.countryCode || r.countryCode === q.countryCode) &&
      (!q.sectorId || r.strengths.includes(q.sectorId)),
    text: (r) => `${r.name} ${r.localName ?? ''} ${r.province ?? ''} ${r.countryCode}`,
    sorts: { name: (r) => r.name, countryCode: (r) => r.countryCode, updatedAt: (r) => r.updatedAt },
    defaultSort: 'name',
    create: regionInput,
    patch: regionPatch,
    whole: regionInput,
    actions: { create: 'region.write', patch: 'region.write' },
    refs: (r) => sectorChecks(store, 'strengths', r.strengths as string[] | undefined),
  });

  registerCrud<Organization, { kind?: string[] }>(app, deps, {
    path: '/organizations',
    label: 'Organisation',
    prefix: 'org',
    collection: store.organizations,
    filters: { kind: z.array(z.enum(ORGANIZATION_KINDS)).optional() },
    arrayKeys: ['kind'],
    filter: (q) => (o) => !q.kind || q.kind.includes(o.kind),
    text: (o) => `${o.name} ${o.acronym ?? ''} ${o.city ?? ''}`,
    sorts: { name: (o) => o.name, updatedAt: (o) => o.updatedAt },
    defaultSort: 'name',
    create: organizationInput,
    patch: organizationPatch,
    whole: organizationInput,
    actions: { create: 'organization.write', patch: 'organization.write' },
    refs: () => [],
  });

  registerCrud<Person, { regionId?: string; organizationId?: string }>(
    app,
    deps,
    {
      path: '/people',
      label: 'Person',
      prefix: 'per',
      collection: store.people,
      filters: { regionId: z.string().max(80).optional(), organizationId: z.string().max(80).optional() },
      filter: (q) => (p) =>
        (!q.regionId || p.regionId === q.regionId) && (!q.organizationId || p.organizationId === q.organizationId),
      text: (p) => `${p.name} ${p.position ?? ''}`,
      sorts: { name: (p) => p.name, updatedAt: (p) => p.updatedAt },
      defaultSort: 'name',
      create: personInput,
      patch: personPatch,
      whole: personInput,
      actions: { create: 'person.write', patch: 'person.write' },
    refs: (p) => [
        ...refChecks(store.regions, 'regionId', p.regionId as string | undefined),
        ...refChecks(store.organizations, 'organizationId', p.organizationId as string | undefined),
      ],
    },
  );

  registerCrud<User, { role?: string[]; active?: boolean }>(app, deps, {
    path: '/users',
    label: 'User',
    prefix: 'usr',
    collection: store.users,
    filters: { role: z.array(z.enum(ROLES)).optional(), active: bool.optional() },
    arrayKeys: ['role'],
    filter: (q) => (u) => (!q.role || q.role.includes(u.role)) && (q.active === undefined || u.active === q.active),
    text: (u) => `${u.name} ${u.email} ${u.position ?? ''}`,
    sorts: { name: (u) => u.name, role: (u) => u.role },
    defaultSort: 'name',
    // With sign-in on, creating a user may set their first password: server/auth/routes.ts
    // registers that POST (the password goes to the AuthStore, never into the User).
    ...(deps.auth ? {} : { create: userInput }),
    patch: userPatch,
    whole: userInput,
    actions: { create: 'user.manage', patch: 'user.manage' },
    // Someone must stay able to manage users: the last active administrator keeps the role.
    checkPatch: (next, current) => {
      const wasAdmin = current.role === 'admin' && current.active;
      const staysAdmin = next.role === 'admin' && next.active;
      const others = store.users.all().some((u) => u.id !== current.id && u.role === 'admin' && u.active);
      return wasAdmin && !staysAdmin && !others
        ? [{ path: next.active ? 'role' : 'active', code: 'invalid', message: 'This would leave no active administrator.' }]
        : [];
    },
    // E-mails sign people in: no two users share one, in any case.
    checkUnique: (next, current) =>
      store.users.all().some((u) => u.id !== current.id && u.email.toLowerCase() === next.email.toLowerCase())
        ? [fieldError('email', 'duplicate')]
        : [],
    // A disabled user is signed out everywhere at once.
    afterPatch: async (next) => {
      if (!next.active) await deps.auth?.endSessions(next.id);
    },
    refs: () => [],
  });

  /** Who is asking: the signed-in user (or, in demo mode, the one the header names), or 401. */
  app.get('/session', async (c) => json({ user: await deps.actor(c.req.raw), mode: deps.auth ? 'server' : 'demo' }));
}
