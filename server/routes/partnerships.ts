import type { Hono } from 'hono';
import { z } from 'zod';
import {
  agreementsOnEntering,
  canChangeStage,
  PARTNERSHIP_TYPES,
  STAGES,
  type Partnership,
  type Stage,
} from '../../src/domain/partnership';
import {
  countryCode,
  partnershipCreate,
  partnershipPatch,
  partnershipWhole,
  stageChangeInput,
} from '../../src/domain/schemas';
import { fieldError } from '../../src/domain/validation';
import type { ApiDeps } from '../context';
import {
  compact,
  etag,
  json,
  parseWith,
  readJson,
  refChecks,
  requireCurrentVersion,
  sectorChecks,
} from '../http';
import { problems } from '../problem';
import { registerCrud, scopedListing } from './crud';
import { homeRegionChecks } from './scope';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export type PartnershipQuery = {
  stage?: Stage[];
  type?: string[];
  countryCode?: string;
  sectorId?: string;
  homeRegionId?: string;
  partnerRegionId?: string;
  illustrative?: boolean;
};

/** The list's filters (GET /partnerships and its CSV export, server/routes/record-exports.ts). */
export const PARTNERSHIP_FILTERS = {
  stage: z.array(z.enum(STAGES)).optional(),
  type: z.array(z.enum(PARTNERSHIP_TYPES)).optional(),
  countryCode: countryCode.optional(),
  sectorId: z.string().max(40).optional(),
  homeRegionId: z.string().max(80).optional(),
  partnerRegionId: z.string().max(80).optional(),
  illustrative: bool.optional(),
};
export const PARTNERSHIP_ARRAY_KEYS = ['stage', 'type'] as const;

export function registerPartnerships(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  const refs = (p: Record<string, unknown>, request: Request) => [
    // One of the user's home governments (server/routes/scope.ts).
    homeRegionChecks(deps, request, 'homeRegionId', p.homeRegionId as string | undefined),
    refChecks(store.regions, 'partnerRegionId', p.partnerRegionId as string | undefined),
    refChecks(
      store.organizations,
      'partnerOrganizationId',
      p.partnerOrganizationId as string | undefined,
    ),
    refChecks(store.organizations, 'facilitatorIds', p.facilitatorIds as string[] | undefined),
    refChecks(store.users, 'coordinatorId', p.coordinatorId as string | undefined),
    sectorChecks(store, 'focusSectorIds', p.focusSectorIds as string[] | undefined),
  ];

  registerCrud<'partnerships', PartnershipQuery>(app, deps, {
    path: '/partnerships',
    label: 'Partnership',
    prefix: 'pts',
    collection: 'partnerships',
    filters: PARTNERSHIP_FILTERS,
    arrayKeys: PARTNERSHIP_ARRAY_KEYS,
    ...scopedListing(deps, 'partnerships'),
    defaultSort: 'partner',
    create: partnershipCreate,
    patch: partnershipPatch,
    whole: partnershipWhole,
    inputOf: ({
      id: _i,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      stage: _s,
      stageHistory: _h,
      ...fields
    }) => fields,
    refs,
    actions: { create: 'partnership.create', patch: 'partnership.update' },
    build: (input, meta, actor) => {
      const { stage, stageDate, stageNote, ...fields } = input as Record<string, unknown> & {
        stage: Stage;
        stageDate: string;
        stageNote?: string;
      };
      // A start records what happened: never a day after today (in Asia/Jakarta), as a stage change.
      if (stageDate > deps.today()) throw problems.validation([fieldError('stageDate', 'futureDate')]);
      const rest = fields as Omit<Partnership, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'stage' | 'stageHistory'>;
      return {
        ...rest,
        ...meta,
        stage,
        // The start stage's agreement date is the day it was reached, unless given otherwise.
        agreements: agreementsOnEntering(stage, stageDate, rest.agreements),
        stageHistory: [
          compact({
            to: stage,
            date: stageDate,
            note: stageNote,
            by: actor.id,
            at: meta.createdAt,
          }),
        ],
      };
    },
  });

  /** The only way a stage moves: along an allowed transition, dated, with an optional note. */
  deps.rules.declare('POST', '/partnerships/:id/stage-changes', {
    action: 'partnership.changeStage',
  });
  app.post('/partnerships/:id/stage-changes', async (c) => {
    const actor = await deps.actor(c.req.raw);
    const found = await store.partnerships.get(c.req.param('id'));
    if (!found) throw problems.notFound('Partnership');
    requireCurrentVersion(c.req.raw, found);
    const { value } = await readJson(c.req.raw);
    const change = parseWith(stageChangeInput, value);
    const next = await store.transaction(
      async (tx) => {
        const current = await tx.partnerships.get(found.id);
        if (!current) throw problems.notFound('Partnership');
        requireCurrentVersion(c.req.raw, current);
        // A stage change records what happened: never a day after today (in Asia/Jakarta).
        if (change.date > deps.today())
          throw problems.validation([fieldError('date', 'futureDate')]);
        if (change.to === current.stage) throw problems.validation([fieldError('to', 'sameStage')]);
        if (!canChangeStage(current.stage, change.to)) {
          throw problems.validation([
            fieldError('to', 'invalidTransition', { from: current.stage, to: change.to }),
          ]);
        }
        const last = current.stageHistory.at(-1);
        if (last && change.date < last.date)
          throw problems.validation([fieldError('date', 'dateOrder')]);
        const at = deps.now().toISOString();
        const agreements = { ...current.agreements };
        if (change.to === 'letter-of-intent') agreements.loiDate ??= change.date;
        if (change.to === 'mou-signed') agreements.mouSignedDate ??= change.date;
        const next: Partnership = {
          ...current,
          stage: change.to,
          agreements,
          stageHistory: [
            ...current.stageHistory,
            compact({
              from: current.stage,
              to: change.to,
              date: change.date,
              note: change.note,
              by: actor.id,
              at,
            }),
          ],
          version: current.version + 1,
          updatedAt: at,
        };
        await tx.partnerships.replace(next, current);
        return next;
      },
      { actorId: actor.id, note: change.note },
    );
    return json(next, { headers: { etag: etag(next.version) } });
  });
}
