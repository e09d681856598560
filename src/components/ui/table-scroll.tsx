import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Wide tables scroll sideways inside this region on narrow screens (320 px) instead of
 * widening the page. It takes focus so keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={`${label} (${t('common.scrollHint')})`} tabIndex={0}>
      {children}
    </div>
  );
}
