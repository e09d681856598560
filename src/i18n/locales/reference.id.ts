/** Strings of the create/edit forms for partner regions, organisations, people and partnerships, and the reference data page (loaded with those pages). reference.en.ts has the same keys. */
export const referenceId = {
  referencePart: {
    loaded: 'ya',
  },
} as const;
