import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The ids a field's description is made of: its hint and its error message. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')}: </span>
      {children}
    </p>
  );
}
