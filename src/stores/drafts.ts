import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Draft<T = unknown> = { values: T; savedAt: string; idempotencyKey: string };

type DraftsState = {
  drafts: Record<string, Draft>;
  save: (key: string, draft: Draft) => void;
  discard: (key: string) => void;
};

/**
 * Drafts of forms, kept in this browser across reloads, closed tabs and crashes until they are
 * saved or discarded. Client-only state: what the server has is never copied here.
 */
export const useDrafts = create<DraftsState>()(
  persist(
    (set) => ({
      drafts: {},
      save: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
      discard: (key) =>
        set((s) => {
          const { [key]: _gone, ...rest } = s.drafts;
          return { drafts: rest };
        }),
    }),
    { name: 'mitra.drafts', version: 1 },
  ),
);

export function newIdempotencyKey(): string {
  return `visit-${crypto.randomUUID()}`;
}
