import { z } from 'zod';
import { alwaysCheck, id, idList, isoDate, LIMITS, meta, optionalText, sectorId } from './common';
import { PARTNERSHIP_TYPES, STAGES } from '../value-lists';


const stage = z.enum(STAGES, { error: 'invalidOption' });

const agreements = z
  .strictObject({
    loiDate: isoDate.optional(),
    mouSignedDate: isoDate.optional(),
    mouExpiresDate: isoDate.optional(),
  })
  .refine(
    (a) =>
      typeof a.mouSignedDate !== 'string' ||
      typeof a.mouExpiresDate !== 'string' ||
      a.mouExpiresDate > a.mouSignedDate,
    { error: 'dateOrder', path: ['mouExpiresDate'], ...alwaysCheck },
  );

const partnershipFields = z.strictObject({
  homeRegionId: id,
  /** The counterpart is a partner region or, for a UN body and the like, an organisation. */
  partnerRegionId: id.optional(),
  partnerOrganizationId: id.optional(),
  type: z.enum(PARTNERSHIP_TYPES, { error: 'invalidOption' }),
  focusSectorIds: z.array(sectorId).max(30).default([]),
  facilitatorIds: idList(20).default([]),
  /** The user who coordinates the partnership in the home government. */
  coordinatorId: id.optional(),
  agreements: agreements.default({}),
  notes: optionalText(LIMITS.text),
  illustrative: z.boolean().default(false),
});

const onePartner = (p: {
  partnerRegionId?: string | undefined;
  partnerOrganizationId?: string | undefined;
}) => (p.partnerRegionId === undefined) !== (p.partnerOrganizationId === undefined);

/** A partnership's fields with its first stage (the import reads rows with this). */
export const partnershipInput = partnershipFields
  .extend({
    stage: stage.default('exploring'),
    stageDate: isoDate.optional(),
    stageNote: optionalText(LIMITS.shortText),
  })
  .refine(onePartner, { error: 'partnerRequired', path: ['partnerRegionId'], ...alwaysCheck });

/**
 * A new partnership, as POST /partnerships and the partnership form take it: it starts at the
 * stage the user picks, on the day the user gives (never after today, checked by the API; never
 * silently today): no invented "exploring" step.
 */
export const partnershipCreate = partnershipFields
  .extend({
    stage,
    stageDate: isoDate,
    stageNote: optionalText(LIMITS.shortText),
  })
  .refine(onePartner, { error: 'partnerRequired', path: ['partnerRegionId'], ...alwaysCheck });

/** A stored partnership's fields, checked whole after a patch (its stage moves only by stage changes). */
export const partnershipWhole = partnershipFields.refine(onePartner, { error: 'partnerRequired', path: ['partnerRegionId'], ...alwaysCheck });

/** Stage is not patched: it moves only through a stage change, which is recorded. */
export const partnershipPatch = partnershipFields.partial();

export const stageChangeInput = z.strictObject({
  to: stage,
  date: isoDate,
  note: optionalText(LIMITS.shortText),
});

export const stageChange = z.object({
  from: stage.optional(),
  to: stage,
  date: isoDate,
  note: z.string().optional(),
  by: z.string(),
  at: z.string(),
});

export const partnership = partnershipFields.extend({
  ...meta,
  stage,
  stageHistory: z.array(stageChange),
});

export type PartnershipInput = z.input<typeof partnershipInput>;
export type PartnershipCreate = z.input<typeof partnershipCreate>;
export type PartnershipPatch = z.input<typeof partnershipPatch>;
export type StageChangeInput = z.input<typeof stageChangeInput>;
export type StageChange = z.output<typeof stageChange>;
export type Partnership = z.output<typeof partnership>;
