import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type TagTone = 'neutral' | 'blue' | 'green' | 'yellow' | 'red' | 'grey' | 'purple';

export function Tag({ tone = 'neutral', children, title }: { tone?: TagTone; children: ReactNode; title?: string }) {
  return (
    <strong className={`tag tag--${tone}`} title={title}>
      {children}
    </strong>
  );
}

/** Marks demo data that is an example, not a fact. */
export function IllustrativeTag() {
  const { t } = useTranslation();
  return (
    <Tag tone="purple" title={t('common.illustrativeHint')}>
      {t('common.illustrative')}
      <span className="visually-hidden">: {t('common.illustrativeHint')}</span>
    </Tag>
  );
}
