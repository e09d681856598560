import type { ReferenceResources } from '../types';

export const referenceEn: ReferenceResources = {
  referencePart: {
    loaded: 'yes',
  },
};
