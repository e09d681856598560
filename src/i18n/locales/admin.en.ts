import type { AdminResources } from '../types';

export const adminEn: AdminResources = {
  adminPart: {
    loaded: 'yes',
  },
};
