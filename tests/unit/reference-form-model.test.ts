import { describe, expect, it } from 'vitest';
import {
  conflictingFields,
  fieldNameFor,
  fromResource,
  resolveValues,
  toBody,
  toDraft,
  type FieldDescriptor,
} from '@/features/reference/model';
import { patchOf } from '@/components/ui/form/three-way';

const FIELDS: FieldDescriptor[] = [
  { kind: 'text', name: 'name', label: 'Nama' },
  { kind: 'text', name: 'countryCode', label: 'Negara', upperCase: true },
  { kind: 'checkboxes', name: 'sectors', label: 'Sektor', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
  { kind: 'date', name: 'signed', path: 'agreements.signed', label: 'Ditandatangani' },
  { kind: 'text', name: 'email', label: 'Surel', personal: true },
  { kind: 'boolean', name: 'illustrative', label: 'Ilustratif' },
];

const stored = { name: 'Binzhou', countryCode: 'CN', sectors: ['b', 'a'], agreements: { signed: '2025-09-22' }, email: 'x@example.org', illustrative: false };

describe('reference form values', () => {
  it('map a resource to what people type and back, nested paths included', () => {
    const values = fromResource(FIELDS, stored);
    expect(values.signed).toEqual({ day: '22', month: '9', year: '2025' });
    expect(toBody(FIELDS, { ...values, countryCode: ' cn ', name: ' Binzhou ' })).toEqual({
      name: 'Binzhou',
      countryCode: 'CN',
      sectors: ['a', 'b'], // in the options' order
      agreements: { signed: '2025-09-22' },
      email: 'x@example.org',
      illustrative: false,
    });
  });

  it('send only what changed, and null for a field emptied', () => {
    const base = toBody(FIELDS, fromResource(FIELDS, stored));
    const next = toBody(FIELDS, { ...fromResource(FIELDS, stored), email: '  ', sectors: ['a', 'b'] });
    expect(patchOf(Object.keys(base), base, next)).toEqual({ email: null });
  });

  it('never keep e-mail (or other personal fields) in a draft', () => {
    expect(toDraft(FIELDS, fromResource(FIELDS, stored))).toMatchObject({ email: '', name: 'Binzhou' });
  });

  it('ask only about fields both sides changed differently, and keep every other change of both', () => {
    const base = fromResource(FIELDS, stored);
    const mine = { ...base, name: 'Kota Binzhou', countryCode: 'cn', illustrative: true };
    const theirs = { ...base, name: 'Binzhou Shi', signed: { day: '1', month: '10', year: '2025' } };
    // "cn" saves as "CN": not a change.
    expect(conflictingFields(FIELDS, base, mine, theirs)).toEqual(['name']);
    expect(resolveValues(FIELDS, base, mine, theirs, {})).toMatchObject({ name: 'Binzhou Shi', illustrative: true, signed: theirs.signed });
    expect(resolveValues(FIELDS, base, mine, theirs, { name: 'mine' })).toMatchObject({ name: 'Kota Binzhou' });
  });

  it('place API errors on the field that holds the value', () => {
    expect(fieldNameFor(FIELDS, 'agreements.signed').name).toBe('signed.day');
    expect(fieldNameFor(FIELDS, 'sectors.1').name).toBe('sectors');
    expect(fieldNameFor(FIELDS, 'homeRegionId').name).toBe('name');
  });

  it('keep a list of short texts without blank rows, and put a row’s error on that row', () => {
    const list: FieldDescriptor[] = [
      { kind: 'list', name: 'aliases', label: 'Nama lain', itemLabel: (n) => `Nama lain ${n}`, addLabel: 'Tambah', removeLabel: (n) => `Hapus ${n}` },
    ];
    const values = fromResource(list, { aliases: ['Binzhou Shi', 'Pinchow'] });
    expect(values.aliases).toEqual([{ text: 'Binzhou Shi' }, { text: 'Pinchow' }]);
    expect(toBody(list, { aliases: [{ text: ' Binzhou Shi ' }, { text: '  ' }] })).toEqual({ aliases: ['Binzhou Shi'] });
    expect(fieldNameFor(list, 'aliases.1').name).toBe('aliases.1.text');
    expect(fieldNameFor(list, 'aliases').name).toBe('aliases-add');
  });
});
