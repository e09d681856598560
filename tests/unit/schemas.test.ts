import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  countryCode,
  email,
  followUpInput,
  followUpPatch,
  httpUrl,
  isoDate,
  meetingCreate,
  meetingInput,
  organizationInput,
  partnershipInput,
  personInput,
  regionInput,
  sectorId,
  sectorInput,
  stageChangeInput,
  time,
  timeZone,
  toFieldErrors,
  userInput,
} from '../../src/domain/schemas';
import { fieldError, isFieldErrorCode } from '../../src/domain/validation';

/** Field errors as the API would report them (the API parses with reportInput, see server/http.ts). */
function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return {};
  return Object.fromEntries(toFieldErrors(result.error).map((e) => [e.path, e.code]));
}

const ok = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('httpUrl', () => {
  it.each(['https://example.org', 'http://example.org/a?b=c#d', 'https://tangerangpedia.example/2025/09/23/x', '  https://example.org  '])(
    'accepts %j',
    (url) => expect(ok(httpUrl, url)).toBe(true),
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'javascript://example.org/%0aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org',
    'mailto:someone@example.org',
    'https://',
    '//example.org',
    'example.org',
    '',
  ])('refuses %j as invalidUrl', (url) => {
    expect(errorsOf(httpUrl, url)).toEqual({ '': 'invalidUrl' });
  });

  it('refuses URLs longer than 2,000 characters', () => {
    expect(errorsOf(httpUrl, `https://example.org/${'a'.repeat(2_000)}`)).toEqual({ '': 'tooLong' });
  });
});

describe('field formats', () => {
  it('isoDate accepts real dates only', () => {
    expect(ok(isoDate, '2025-09-22')).toBe(true);
    expect(errorsOf(isoDate, '2025-02-29')).toEqual({ '': 'invalidDate' });
    expect(errorsOf(isoDate, '22/09/25')).toEqual({ '': 'invalidDate' });
  });

  it('time is 24-hour HH:MM', () => {
    for (const t of ['00:00', '09:30', '23:59']) expect(ok(time, t)).toBe(true);
    for (const t of ['24:00', '9:30', '12:60', '12:00:00', '']) expect(errorsOf(time, t)).toEqual({ '': 'invalidTime' });
  });

  it('timeZone must be an IANA zone', () => {
    for (const tz of ['Asia/Jakarta', 'Asia/Shanghai', 'UTC', 'America/Los_Angeles']) expect(ok(timeZone, tz)).toBe(true);
    for (const tz of ['Mars/Olympus', 'Jakarta', '', 'x'.repeat(100)]) expect(errorsOf(timeZone, tz)).toEqual({ '': 'invalidTimeZone' });
  });

  it('countryCode is two upper-case letters', () => {
    expect(ok(countryCode, 'ID')).toBe(true);
    for (const c of ['id', 'IDN', 'I', '12']) expect(errorsOf(countryCode, c)).toEqual({ '': 'invalidCountry' });
  });

  it('sectorId is a lower-case slug', () => {
    for (const s of ['tourism', 'creative-economy', 'msme2']) expect(ok(sectorId, s)).toBe(true);
    for (const s of ['Tourism', 'creative economy', '-x', 'x-', 'a--b', '']) expect(errorsOf(sectorId, s)).toEqual({ '': 'invalidFormat' });
  });

  it('email must look like an address', () => {
    expect(ok(email, 'rina.wulandari@example.org')).toBe(true);
    expect(errorsOf(email, 'rina@')).toEqual({ '': 'invalidEmail' });
  });
});

describe('toFieldErrors', () => {
  it('maps missing, wrong-type, too-long, unknown and bad-option fields to stable codes with messages', () => {
    const result = userInput.safeParse(
      { email: 7, role: 'king', position: 'x'.repeat(201), extra: true },
      { reportInput: true },
    );
    expect(result.success).toBe(false);
    const errors = toFieldErrors(result.error!);
    expect(errors).toEqual([
      { path: 'name', code: 'required', message: 'This field is required.' },
      { path: 'email', code: 'invalidType', message: 'This value has the wrong type.' },
      { path: 'role', code: 'invalidOption', message: 'Choose one of the allowed options.' },
      { path: 'position', code: 'tooLong', message: 'Must be 200 characters or fewer.', params: { max: 200 } },
      { path: 'extra', code: 'unknownField', message: 'This field is not allowed here.' },
    ]);
  });

  it('gives one error per field, the most basic first', () => {
    const result = sectorInput.safeParse({ id: 'tourism', name: { id: 'a', en: 'b' }, color: '' });
    expect(toFieldErrors(result.error!)).toEqual([{ path: 'color', code: 'required', message: 'This field is required.' }]);
  });

  it('joins nested paths with dots and reports unknown nested keys under their parent', () => {
    expect(errorsOf(meetingInput, { partnershipId: 'p', kind: 'forum', title: 't', date: '2025-09-22', participants: [{ side: 'host', description: 'Tuan rumah', who: 'x' }] })).toEqual({
      'participants.0.who': 'unknownField',
    });
  });

  it('reports too many list entries as tooMany', () => {
    expect(errorsOf(regionInput, { name: 'a', level: 'city', countryCode: 'CN', role: 'partner', strengths: Array(31).fill('trade') })).toEqual({
      strengths: 'tooMany',
    });
  });
});

describe('fieldError', () => {
  it('writes plain English, with params when there are any', () => {
    expect(fieldError('to', 'invalidTransition', { from: 'ended', to: 'active' })).toEqual({
      path: 'to',
      code: 'invalidTransition',
      message: 'A partnership cannot move from "ended" to "active".',
      params: { from: 'ended', to: 'active' },
    });
    expect(fieldError('x', 'required')).toEqual({ path: 'x', code: 'required', message: 'This field is required.' });
  });

  it('knows its codes and nothing else', () => {
    expect(isFieldErrorCode('dueDateRequired')).toBe(true);
    expect(isFieldErrorCode('toString')).toBe(false);
    expect(isFieldErrorCode('Invalid input')).toBe(false);
  });
});

describe('input schemas', () => {
  it('trim text, and whitespace alone is not a value', () => {
    expect(regionInput.parse({ name: '  Binzhou ', level: 'city', countryCode: 'CN', role: 'partner' }).name).toBe('Binzhou');
    expect(errorsOf(regionInput, { name: '   ', level: 'city', countryCode: 'CN', role: 'partner' })).toEqual({ name: 'required' });
  });

  it('a person belongs to a region or an organisation', () => {
    expect(errorsOf(personInput, { name: 'Li' })).toEqual({ regionId: 'affiliationRequired' });
    expect(ok(personInput, { name: 'Li', organizationId: 'org-1' })).toBe(true);
  });

  it('a partnership has exactly one counterpart', () => {
    const base = { homeRegionId: 'reg-a', type: 'cooperation' };
    expect(errorsOf(partnershipInput, base)).toEqual({ partnerRegionId: 'partnerRequired' });
    expect(errorsOf(partnershipInput, { ...base, partnerRegionId: 'r', partnerOrganizationId: 'o' })).toEqual({
      partnerRegionId: 'partnerRequired',
    });
    expect(partnershipInput.parse({ ...base, partnerRegionId: 'r' })).toMatchObject({ stage: 'exploring', focusSectorIds: [], agreements: {} });
  });

  it('an MoU expires after it is signed', () => {
    const base = { homeRegionId: 'reg-a', partnerRegionId: 'r', type: 'cooperation' };
    expect(errorsOf(partnershipInput, { ...base, agreements: { mouSignedDate: '2025-01-01', mouExpiresDate: '2025-01-01' } })).toEqual({
      'agreements.mouExpiresDate': 'dateOrder',
    });
    expect(ok(partnershipInput, { ...base, agreements: { mouSignedDate: '2025-01-01', mouExpiresDate: '2030-01-01' } })).toBe(true);
  });

  it('a stage change names a stage and a date', () => {
    expect(errorsOf(stageChangeInput, { to: 'signed', date: 'soon' })).toEqual({ to: 'invalidOption', date: 'invalidDate' });
    expect(ok(stageChangeInput, { to: 'active', date: '2025-11-01' })).toBe(true);
  });

  it('organisations refuse javascript: websites', () => {
    expect(errorsOf(organizationInput, { name: 'X', kind: 'ngo', website: 'javascript:alert(1)' })).toEqual({ website: 'invalidUrl' });
  });

  it('a follow-up that is open needs a due date; a done one does not', () => {
    const base = { title: 'T', ownerId: 'u', partnershipId: 'p' };
    expect(errorsOf(followUpInput, base)).toEqual({ dueDate: 'dueDateRequired' });
    expect(errorsOf(followUpInput, { ...base, status: 'blocked' })).toEqual({ dueDate: 'dueDateRequired' });
    expect(ok(followUpInput, { ...base, status: 'done' })).toBe(true);
    expect(ok(followUpInput, { ...base, status: 'cancelled' })).toBe(true);
    expect(followUpInput.parse({ ...base, dueDate: '2025-12-01' })).toMatchObject({ status: 'open', priority: 'normal', sectorIds: [] });
  });

  it('a follow-up patch may clear the due date with null, and adds no defaults', () => {
    expect(followUpPatch.parse({ dueDate: null })).toEqual({ dueDate: null });
    expect(followUpPatch.parse({ comment: '  ok ' })).toEqual({ comment: 'ok' });
    expect(errorsOf(followUpPatch, { dueDate: '' })).toEqual({ dueDate: 'invalidDate' });
  });

  it('a meeting with its follow-ups: each open draft needs a due date, not before the meeting', () => {
    const meeting = { partnershipId: 'p', kind: 'inbound-visit', title: 'Kunjungan', date: '2025-09-22' };
    const draft = { title: 'Forum teknis', ownerId: 'u' };
    expect(
      errorsOf(meetingCreate, {
        ...meeting,
        followUps: [draft, { ...draft, dueDate: '2025-09-21' }, { ...draft, dueDate: '2025-09-22' }],
      }),
    ).toEqual({ 'followUps.0.dueDate': 'dueDateRequired', 'followUps.1.dueDate': 'dueBeforeMeeting' });
    expect(meetingCreate.parse({ ...meeting, followUps: [{ ...draft, dueDate: '2025-10-01' }] })).toMatchObject({
      timeZone: 'Asia/Jakarta',
      carriedFollowUpIds: [],
      illustrative: false,
    });
  });

  it('a participant is a person, an organisation or a description; a statement has a speaker', () => {
    const meeting = { partnershipId: 'p', kind: 'forum', title: 'F', date: '2025-09-22' };
    expect(errorsOf(meetingInput, { ...meeting, participants: [{ side: 'guest' }, { side: 'guest', description: '  ' }] })).toEqual({
      'participants.0.description': 'required',
      'participants.1.description': 'required',
    });
    expect(errorsOf(meetingInput, { ...meeting, statements: [{ text: 'Halo' }] })).toEqual({ 'statements.0.speaker': 'required' });
    expect(ok(meetingInput, { ...meeting, participants: [{ side: 'guest', organizationId: 'org-icbc' }] })).toBe(true);
  });

  it('limits text: 200 for titles, 10,000 for long text', () => {
    const meeting = { partnershipId: 'p', kind: 'forum', date: '2025-09-22' };
    expect(ok(meetingInput, { ...meeting, title: 'x'.repeat(200) })).toBe(true);
    expect(errorsOf(meetingInput, { ...meeting, title: 'x'.repeat(201) })).toEqual({ title: 'tooLong' });
    expect(errorsOf(meetingInput, { ...meeting, title: 'x', summary: 'y'.repeat(10_001) })).toEqual({ summary: 'tooLong' });
  });

  it('sectors need a hex colour and names in both languages', () => {
    expect(errorsOf(sectorInput, { id: 'x', name: { id: 'X' }, color: 'blue' })).toEqual({ 'name.en': 'required', color: 'invalidFormat' });
  });
});
