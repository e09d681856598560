import type { PartnersResources } from '../types';

export const partnersEn: PartnersResources = {
  partnersPart: {
    loaded: 'yes',
  },
};
