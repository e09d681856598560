import { describe, expect, it } from 'vitest';
import { regionLabel, type RegionLevel } from '../../src/domain/region';

const ID: Record<RegionLevel, string> = { regency: 'Kabupaten', city: 'Kota', province: 'Provinsi', country: 'Negara' };
const EN: Record<RegionLevel, string> = { regency: 'Regency', city: 'City', province: 'Province', country: 'Country' };

describe('regionLabel', () => {
  it('puts the level first in Bahasa Indonesia: Kabupaten Tangerang, not Kota Tangerang', () => {
    expect(regionLabel({ name: 'Tangerang', level: 'regency' }, (l) => ID[l], 'id-ID')).toBe('Kabupaten Tangerang');
    expect(regionLabel({ name: 'Binzhou', level: 'city' }, (l) => ID[l], 'id')).toBe('Kota Binzhou');
  });

  it('puts the level after the name in English', () => {
    expect(regionLabel({ name: 'Tangerang', level: 'regency' }, (l) => EN[l], 'en-GB')).toBe('Tangerang Regency');
    expect(regionLabel({ name: 'Binzhou', level: 'city' }, (l) => EN[l], 'en')).toBe('Binzhou City');
  });

  it('names a country by its name alone', () => {
    expect(regionLabel({ name: 'Indonesia', level: 'country' }, (l) => ID[l], 'id')).toBe('Indonesia');
  });
});
