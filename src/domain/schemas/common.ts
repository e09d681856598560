import { z } from 'zod';
import { isIsoDate } from '../dates';
import { SECTOR_ID_PATTERN } from '../value-lists';

/** Sane limits: long enough for real reports, short enough that nobody stores a novel by mistake. */
export const LIMITS = {
  name: 200,
  title: 200,
  shortText: 500,
  text: 10_000,
  url: 2_000,
  listItems: 100,
  idLength: 80,
} as const;

export const id = z.string().min(1, { error: 'required' }).max(LIMITS.idLength);

export const requiredText = (max: number = LIMITS.name) =>
  z.string().trim().min(1, { error: 'required' }).max(max);

export const optionalText = (max: number = LIMITS.shortText) =>
  z.string().trim().max(max).optional();

export const isoDate = z.string().refine(isIsoDate, { error: 'invalidDate' });

export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalidTime' });

export const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz.length <= 64;
    } catch {
      return false;
    }
  },
  { error: 'invalidTimeZone' },
);

/** Only web links: http and https. `javascript:`, `data:` and friends are refused. */
export const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: 'invalidUrl' },
  );

export const email = z
  .string()
  .trim()
  .max(LIMITS.name)
  .pipe(z.email({ error: 'invalidEmail' }));

/** A phone number as people write it: digits, spaces, brackets and dashes, an optional leading +. */
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{4,30}$/, { error: 'invalidFormat' });

export const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'invalidCountry' });


export const sectorId = z.string().regex(SECTOR_ID_PATTERN, { error: 'invalidFormat' }).max(40);

export const idList = (max: number = LIMITS.listItems) => z.array(id).max(max);

export const localized = z.strictObject({
  id: requiredText(LIMITS.name),
  en: requiredText(LIMITS.name),
});

/**
 * Cross-field rules run even when single fields are wrong, so a form shows every problem at
 * once (zod skips refinements after a field error unless told). The rule must then cope with
 * fields of the wrong type: it only ever sees an object.
 */
export const alwaysCheck = {
  when: (payload: { value: unknown }) =>
    typeof payload.value === 'object' && payload.value !== null,
};

/** What the API adds to every stored resource. */
export const meta = {
  id,
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** One list page, as every list endpoint returns it. */
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };
