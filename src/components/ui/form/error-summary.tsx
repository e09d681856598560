import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SummaryError = { fieldId: string; message: string };

type ErrorSummaryProps = {
  errors: SummaryError[];
  /** Changes on every failed submit, so focus moves to the summary each time. */
  focusKey: number;
};

/**
 * GOV.UK error summary: "Ada masalah" / "There is a problem" at the top of the form, focused
 * after a failed submit; each link moves focus to its field.
 */
export function ErrorSummary({ errors, focusKey }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (errors.length === 0) return null;

  const handleClick = (event: React.MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  };

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {t('form.errorSummary')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e) => (
          <li key={`${e.fieldId}-${e.message}`}>
            <a href={`#${e.fieldId}`} onClick={(event) => handleClick(event, e.fieldId)}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
