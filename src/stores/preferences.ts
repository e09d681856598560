import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language of a new visitor (the office's): the server preloads it without a cookie. */
export const DEFAULT_LOCALE: Locale = 'id';

/** The demo's default user until someone picks another: the protocol staff member. */
export const DEFAULT_USER_ID = 'usr-rina';

type Preferences = {
  locale: Locale;
  userId: string;
  /** The home government chosen in the header ('' for all of the user's governments). */
  homeRegionId: string;
  setLocale: (locale: Locale) => void;
  setUserId: (userId: string) => void;
  setHomeRegionId: (homeRegionId: string) => void;
};

/** Client-only preferences (never server data), kept across reloads. */
export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      locale: DEFAULT_LOCALE,
      userId: DEFAULT_USER_ID,
      homeRegionId: '',
      setLocale: (locale) => set({ locale }),
      // Another user has other governments: the choice starts again from all of theirs.
      setUserId: (userId) => set({ userId, homeRegionId: '' }),
      setHomeRegionId: (homeRegionId) => set({ homeRegionId }),
    }),
    {
      name: 'mitra.preferences',
      version: 1,
      partialize: ({ locale, userId, homeRegionId }) => ({ locale, userId, homeRegionId }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<Preferences>;
        return {
          ...current,
          locale: LOCALES.includes(saved.locale as Locale) ? (saved.locale as Locale) : current.locale,
          userId: typeof saved.userId === 'string' && saved.userId ? saved.userId : current.userId,
          homeRegionId: typeof saved.homeRegionId === 'string' ? saved.homeRegionId : current.homeRegionId,
        };
      },
    },
  ),
);

/**
 * A language other than the default also lives in a cookie, `mitra.lang`, for the server: it
 * preloads that language's strings from the first HTML of the next visit (server/node/static.ts;
 * without the cookie it preloads Bahasa Indonesia). Not a secret, not HttpOnly; the saved
 * preference above stays the source of truth. Readers of the default language carry no cookie.
 */
function mirrorLocaleCookie(locale: Locale): void {
  if (typeof document === 'undefined') return;
  if (locale === DEFAULT_LOCALE) {
    if (document.cookie.includes('mitra.lang=')) document.cookie = 'mitra.lang=; path=/; max-age=0; samesite=lax';
    return;
  }
  const secure = typeof location !== 'undefined' && location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `mitra.lang=${locale}; path=/; max-age=31536000; samesite=lax${secure}`;
}
mirrorLocaleCookie(usePreferences.getState().locale);
usePreferences.subscribe((state, previous) => {
  if (state.locale !== previous.locale) mirrorLocaleCookie(state.locale);
});
