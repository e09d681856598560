/** Strings of sign-in, user management and the audit trail (loaded with those pages). admin.en.ts has the same keys. */
export const adminId = {
  adminPart: {
    loaded: 'ya',
  },
} as const;
