/** Strings of the partner directory, partnership pages, reference forms and history panels (loaded with those pages). partners.en.ts has the same keys. */
export const partnersId = {
  partnersPart: {
    loaded: 'ya',
  },
} as const;
