import type { Sector } from '../../src/domain/sector';

/**
 * The common themes of Indonesian local-government cooperation (issue 15) that the first
 * sector list did not have. The others of the list are there already under their own
 * ids (environment, trade and investment, health, education, culture, tourism, creative
 * economy, MSMEs, agriculture, fisheries, youth) and keep them, with their names and colours.
 * New databases get these with the demo data; migration 0006 adds any that an existing
 * database lacks. Every colour reaches 4.5:1 on the chart background (tests/unit/sector.test.ts).
 */
export const SECTOR_THEMES_0006: ReadonlyArray<Pick<Sector, 'id' | 'name' | 'color'>> = [
  { id: 'infrastructure', name: { id: 'Infrastruktur', en: 'Infrastructure' }, color: '#4a5866' },
  { id: 'community-development', name: { id: 'Pemberdayaan masyarakat', en: 'Community development' }, color: '#8a4b08' },
  { id: 'coastal-marine', name: { id: 'Kelautan dan pesisir', en: 'Coastal and marine' }, color: '#005f73' },
  { id: 'green-industry', name: { id: 'Industri hijau', en: 'Green industry' }, color: '#3b6e22' },
  { id: 'public-administration', name: { id: 'Tata kelola pemerintahan', en: 'Public administration' }, color: '#34495e' },
  { id: 'disaster-management', name: { id: 'Penanggulangan bencana', en: 'Disaster management' }, color: '#a4262c' },
  { id: 'smart-city', name: { id: 'Kota cerdas', en: 'Smart city' }, color: '#3949ab' },
  { id: 'womens-empowerment', name: { id: 'Pemberdayaan perempuan', en: "Women's empowerment" }, color: '#8e2a8e' },
  { id: 'sports', name: { id: 'Olahraga', en: 'Sports' }, color: '#b1460e' },
];
