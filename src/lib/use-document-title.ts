import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Pertemuan — Mitra": each page names itself first, for tabs, history and screen readers. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} — ${t('app.titleSuffix')}`;
  }, [title, t]);
}
