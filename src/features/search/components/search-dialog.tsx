import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';
import { searchQuery, type SearchResult } from '../api/queries';

type Option = { id: string; label: string; detail: string; href: string };

/**
 * The search dialog: the API matches (partners by Latin and local-script names, people,
 * meetings, follow-ups), results grouped by kind; arrows move, Enter opens, Escape closes.
 */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const navigate = useNavigate();
  const id = useId();
  const dialog = useModalDialog();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const term = q.trim();
  const result = useQuery(searchQuery(term));

  const data = term ? result.data : undefined;
  const partnershipOfRegion = (regionId: string | undefined) => data?.partnerships.items.find((p) => p.partnerRegionId === regionId);
  const groups: Array<{ key: keyof SearchResult; total: number; options: Option[] }> = data
    ? [
        {
          key: 'partnerships' as const,
          total: data.partnerships.total,
          options: data.partnerships.items.map((p) => {
            const region = p.partnerRegionId ? labels.maps.regions.get(p.partnerRegionId) : undefined;
            return {
              id: `p-${p.id}`,
              label: `${labels.partnership(p)}${region?.localName ? ` ${region.localName}` : ''}`,
              detail: t(`enums.stage.${p.stage}`),
              href: `/partners/${encodeURIComponent(p.id)}`,
            };
          }),
        },
        {
          key: 'people' as const,
          total: data.people.total,
          options: data.people.items.map((p) => {
            const partnership = partnershipOfRegion(p.regionId);
            return {
              id: `r-${p.id}`,
              label: p.name,
              detail: [p.position, labels.regionById(p.regionId)].filter(Boolean).join(' · '),
              href: partnership ? `/partners/${encodeURIComponent(partnership.id)}` : '/partners',
            };
          }),
        },
        {
          key: 'meetings' as const,
          total: data.meetings.total,
          options: data.meetings.items.map((m) => ({
            id: `m-${m.id}`,
            label: m.title,
            detail: format.date(m.date, 'long'),
            href: `/meetings/${encodeURIComponent(m.id)}`,
          })),
        },
        {
          key: 'followUps' as const,
          total: data.followUps.total,
          options: data.followUps.items.map((f) => ({
            id: `f-${f.id}`,
            label: f.title,
            detail: [t(`enums.status.${f.status}`), f.dueDate ? format.date(f.dueDate, 'medium') : ''].filter(Boolean).join(' · '),
            href: `/follow-ups/${encodeURIComponent(f.id)}`,
          })),
        },
      ].filter((g) => g.options.length > 0)
    : [];
  const options = groups.flatMap((g) => g.options);
  const current = options[Math.min(active, options.length - 1)];

  const open = (option: Option | undefined) => {
    if (!option) return;
    onClose();
    void navigate(option.href);
  };
  const handleKey = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(current);
    } else if (event.key === 'Escape') {
      // A search field would spend the first Escape on clearing itself: close at once instead.
      event.preventDefault();
      onClose();
    }
  };

  const listId = `${id}-list`;
  return (
    <dialog ref={dialog} className="dialog search" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('search.title')}
      </h2>
      <label htmlFor={`${id}-input`} className="label">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        className="input"
        type="search"
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${id}-${current.id}` : undefined}
        aria-describedby={`${id}-status`}
        autoComplete="off"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={handleKey}
      />
      <p id={`${id}-status`} className="hint" role="status">
        {!term ? t('search.hint') : data && options.length === 0 ? t('search.empty', { q: term }) : ''}
      </p>
      <div role="listbox" id={listId} aria-label={t('search.results')} className="search__results">
        {groups.map((g) => {
          const name = `${t(`search.groups.${g.key}`)} (${format.number(g.total)})`;
          return (
            <div role="group" key={g.key} aria-label={name} data-label={name} className="search__group">
              {g.options.map((o) => (
                <div
                  role="option"
                  key={o.id}
                  id={`${id}-${o.id}`}
                  aria-selected={current?.id === o.id}
                  className={`search__option${current?.id === o.id ? ' search__option--active' : ''}`}
                  onMouseMove={() => setActive(options.indexOf(o))}
                  onClick={() => open(o)}
                >
                  <span className="search__label">{o.label}</span> <span className="hint">{o.detail}</span>
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <p className="search__footer">
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('search.close')}
        </button>
      </p>
    </dialog>
  );
}
