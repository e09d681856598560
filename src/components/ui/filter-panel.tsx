import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A filter form that folds on a phone: below 40rem its selects hide behind a "Saring (2 aktif)"
 * button (aria-expanded), so the list's first row shows on the first screen; the text search and
 * "clear filters" stay. On a wide screen the button is not shown and nothing folds (styles.css).
 * Spread `form` on the `<form className="filters">`, put `toggle` inside it after the search.
 */
export function useFilterPanel(formId: string, active: number) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return {
    form: { id: formId, 'data-folded': open ? 'false' : 'true' },
    toggle: (
      <button
        type="button"
        className="button button--secondary filters__toggle"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((value) => !value)}
      >
        {active > 0 ? t('common.filterActive', { n: active }) : t('common.filter')}
      </button>
    ),
  };
}
