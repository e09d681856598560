import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIn } from '@/domain/dates';
import { isDueToday, isOverdue, type FollowUp } from '@/domain/follow-up';
import type { Partnership } from '@/domain/partnership';
import { Tag } from '@/components/ui/tags';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';
import { StatusTag } from './follow-up-table';
import { usePermissions } from '@/session/use-can';

const ROW_ESTIMATE = 60;

type FollowUpListProps = {
  items: FollowUp[];
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  partnerships: ReadonlyMap<string, Partnership>;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onChangeStatus: (item: FollowUp) => void;
  /** Ids whose status change is on its way (shown as pending). */
  pending: ReadonlySet<string>;
};

/** The list's columns after the checkbox, in order (their headings: `followUps.columns.*`). */
const COLUMNS = ['title', 'partnership', 'owner', 'due', 'priority', 'status'] as const;

/**
 * The follow-ups as a virtualized table: only the rows near the viewport are in the DOM, so
 * 50,000 items scroll like 50. Pages load from the API as the user nears the end. Screen readers
 * hear the real size and position through aria-rowcount and aria-rowindex.
 */
export function FollowUpList(props: FollowUpListProps) {
  // Only the rows this user may change get a button (an officer: their own items).
  const { can } = usePermissions();
  const { items, total, hasNextPage, isFetchingNextPage, fetchNextPage, selected, pending } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const today = todayIn();
  const listRef = useRef<HTMLDivElement>(null);
  // Where the rows start on the page; what is above them (notices, the bulk bar) may change.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setScrollMargin(Math.round((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length + (hasNextPage ? 1 : 0),
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && last >= items.length - 5) fetchNextPage();
  }, [last, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));

  return (
    <div className="fu-list" role="table" aria-label={t('followUps.listLabel', { total: format.number(total) })} aria-rowcount={total + 1}>
      <div role="rowgroup">
        <div className="fu-row fu-row--head" role="row" aria-rowindex={1}>
          <span role="columnheader" className="fu-cell fu-cell--select">
            <input
              type="checkbox"
              className="checkboxes__input"
              checked={allSelected}
              onChange={props.onToggleAll}
              aria-label={t('followUps.selectAll')}
            />
          </span>
          {COLUMNS.map((column) => (
            <span role="columnheader" key={column} className={column === 'title' ? 'fu-cell fu-cell--title' : 'fu-cell'}>
              {t(`followUps.columns.${column}`)}
            </span>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={listRef} className="fu-body" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index];
          const style = { transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` };
          if (!item) {
            return (
              <div key="loader" role="row" aria-rowindex={row.index + 2} className="fu-row fu-row--loader" style={style} ref={virtualizer.measureElement} data-index={row.index}>
                <span role="cell" className="fu-cell">
                  {t('followUps.loadingRows')}
                </span>
              </div>
            );
          }
          return (
            <div
              key={item.id}
              role="row"
              aria-rowindex={row.index + 2}
              aria-selected={selected.has(item.id)}
              className={`fu-row${selected.has(item.id) ? ' fu-row--selected' : ''}`}
              style={style}
              ref={virtualizer.measureElement}
              data-index={row.index}
            >
              <span role="cell" className="fu-cell fu-cell--select">
                <input
                  type="checkbox"
                  className="checkboxes__input"
                  checked={selected.has(item.id)}
                  onChange={() => props.onToggle(item.id)}
                  aria-label={t('followUps.select', { title: item.title })}
                />
              </span>
              <span role="cell" className="fu-cell fu-cell--title">
                <Link to={`/follow-ups/${encodeURIComponent(item.id)}`}>{item.title}</Link>
              </span>
              <span role="cell" className="fu-cell">
                {labels.partnership(props.partnerships.get(item.partnershipId))}
              </span>
              <span role="cell" className="fu-cell">
                {item.ownerId ? labels.user(item.ownerId) : t('followUps.unassignedShortcut')}
              </span>
              <span role="cell" className="fu-cell">
                {item.dueDate ? format.date(item.dueDate, 'medium') : t('followUps.noDueDate')}{' '}
                {isOverdue(item, today) && <Tag tone="red">{t('followUps.overdue')}</Tag>}
                {isDueToday(item, today) && <Tag tone="yellow">{t('followUps.dueToday')}</Tag>}
              </span>
              <span role="cell" className="fu-cell">
                {t(`enums.priority.${item.priority}`)}
              </span>
              <span role="cell" className="fu-cell fu-cell--status">
                <StatusTag status={item.status} />{' '}
                {can('followUp.update', item) && (
                <button
                  type="button"
                  className="button button--link button--small"
                  onClick={() => props.onChangeStatus(item)}
                  aria-label={t('followUps.changeStatusOf', { title: item.title })}
                  aria-busy={pending.has(item.id) || undefined}
                >
                  {t('followUps.changeStatus')}
                </button>
                )}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
