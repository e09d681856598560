import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@/domain/dates';
import {
  countryName,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  INTL_LOCALE,
  type DateStyle,
  weekdayName,
} from './format';

/** Formatters bound to the active UI language (id-ID or en-GB). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = INTL_LOCALE[i18n.language === 'en' ? 'en' : 'id'];
  return useMemo(
    () => ({
      locale,
      date: (iso: IsoDate, style: DateStyle = 'long') => formatDate(iso, locale, style),
      dateTime: (instant: string, timeZone?: string) => formatDateTime(instant, locale, timeZone),
      number: (value: number) => formatNumber(value, locale),
      percent: (value: number) => formatPercent(value, locale),
      weekday: (weekday: number) => weekdayName(weekday, locale),
      country: (code: string) => countryName(code, locale),
    }),
    [locale],
  );
}
