import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { Link } from 'react-router';
import type { FollowUp, FollowUpStatus } from '@/domain/follow-up';
import { EmptyState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { partnershipQueries } from '@/features/partners';
import { useLabels } from '@/reference-data/use-labels';
import { ApiError, apiDownload, isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFilterParams } from '@/lib/use-filter-params';
import { useFormat } from '@/lib/use-format';
import { usePreferences } from '@/stores/preferences';
import { followUpCountQuery } from '../api/counts';
import { followUpFiltersFrom, followUpFiltersToParams } from '../api/filters';
import { useBulkChange, useChangeStatus, type BulkChanges, type BulkResult } from '../api/mutations';
import { followUpQueries, type FollowUpFilters as Filters } from '../api/queries';
import { BulkBar } from './bulk-bar';
import { DueSoon } from './due-soon';
import { FollowUpFilters } from './follow-up-filters';
import { FollowUpList } from './follow-up-list';
import { StatusConflict } from './status-conflict';
import { StatusDialog } from './status-dialog';

type Feedback =
  | { kind: 'saved'; text: string }
  | { kind: 'failed'; text: string }
  | { kind: 'conflict'; mine: FollowUpStatus; comment: string; current: FollowUp }
  | { kind: 'bulk'; result: BulkResult };

/**
 * The follow-ups list: shortcuts (mine, overdue), the filters in the URL, exports, one-step and
 * bulk status changes with their feedback, and the paged list.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const userId = usePreferences((s) => s.userId);
  const { filters, change } = useFilterParams(followUpFiltersFrom, followUpFiltersToParams);
  // While a new filter loads, the previous rows stay (no flash of "loading" between keystrokes).
  const list = useInfiniteQuery({ ...followUpQueries.list(filters), placeholderData: keepPreviousData });
  const partnerships = useQuery(partnershipQueries.list());
  const partnershipMap = useMemo(() => new Map(partnerships.data?.items.map((p) => [p.id, p])), [partnerships.data]);
  const mineCount = useQuery(followUpCountQuery({ ownerId: userId }));
  const unassignedCount = useQuery(followUpCountQuery({ assigned: 'no' }));
  const overdueCount = useQuery(followUpCountQuery({ ...(filters.ownerId ? { ownerId: filters.ownerId } : {}), due: 'overdue' }));
  const changeStatus = useChangeStatus();
  const bulk = useBulkChange();
  const [dialogItem, setDialogItem] = useState<FollowUp | undefined>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [feedback, setFeedback] = useState<Feedback | undefined>();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState(filters.q ?? '');
  useDocumentTitle(t('followUps.title'));

  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;



  // The text filter follows every keystroke (the API answers in milliseconds and the list keeps
  // the previous rows until the new ones arrive); the field keeps exactly what was typed.
  const handleSearch = (value: string) => {
    setSearch(value);
    change({ q: value.trim() || undefined });
  };

  const applyStatus = (item: FollowUp, status: FollowUpStatus, comment: string) => {
    setDialogItem(undefined);
    setFeedback(undefined);
    setPending((p) => new Set(p).add(item.id));
    // mutateAsync, not mutate's callbacks: those run for the latest call only, and two rows can
    // be on their way at once.
    changeStatus
      .mutateAsync({ item, status, comment })
      .then(
        (saved) =>
          setFeedback({ kind: 'saved', text: t('followUps.statusSaved', { title: saved.title, status: t(`enums.status.${saved.status}`) }) }),
        (error: unknown) => {
          if (isApiError(error) && error.status === 412 && error.current) {
            setFeedback({ kind: 'conflict', mine: status, comment, current: error.current as FollowUp });
          } else {
            setFeedback({
              kind: 'failed',
              text: t('followUps.statusFailed', { title: item.title, reason: describeError(error, t), status: t(`enums.status.${item.status}`) }),
            });
          }
        },
      )
      .finally(() =>
        setPending((p) => {
          const next = new Set(p);
          next.delete(item.id);
          return next;
        }),
      );
  };

  const applyBulk = (changes: BulkChanges) => {
    const chosen = items.filter((i) => selected.has(i.id));
    bulk.mutate(
      { items: chosen, changes },
      {
        onSuccess: (result) => {
          setFeedback({ kind: 'bulk', result });
          setSelected(new Set(result.failed.map((f) => f.id)));
        },
        onError: (error) => setFeedback({ kind: 'failed', text: describeError(error, t) }),
      },
    );
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected((s) => (items.every((i) => s.has(i.id)) ? new Set() : new Set(items.map((i) => i.id))));

  const download = (kind: 'csv' | 'ics') => {
    const lang = usePreferences.getState().locale;
    void apiDownload(`/follow-ups/export.${kind}`, { ...filters, lang }, `mitra-follow-ups.${kind}`).catch((error: unknown) =>
      setFeedback({ kind: 'failed', text: describeError(error, t) }),
    );
  };

  const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? id;
  const mineActive = filters.ownerId === userId;
  const overdueActive = filters.due === 'overdue';
  const unassignedActive = filters.assigned === 'no';

  return (
    <div className="page">
      <PageHeader title={t('followUps.title')} intro={t('followUps.intro')}>
        <DueSoon userId={userId} />
      </PageHeader>

      <nav className="shortcuts" aria-label={t('followUps.shortcuts')}>
        <Shortcut filters={{ ...filters, ownerId: mineActive ? undefined : userId }} active={mineActive} label={t('followUps.mine')} count={mineCount.data} />
        <Shortcut filters={{ ...filters, due: overdueActive ? undefined : 'overdue' }} active={overdueActive} label={t('followUps.overdueShortcut')} count={overdueCount.data} />
        {/* Items of back-logged visits nobody owns yet: never overdue, assigned here later. */}
        <Shortcut filters={{ ...filters, assigned: unassignedActive ? undefined : 'no' }} active={unassignedActive} label={t('followUps.unassignedShortcut')} count={unassignedCount.data} />
      </nav>

      <FollowUpFilters
        filters={filters}
        partnerships={partnerships.data?.items ?? []}
        search={search}
        onSearch={handleSearch}
        onChange={change}
        onClear={() => setSearch('')}
      />

      <div className="list-tools">
        <p className="hint list-tools__showing" role="status">
          {/* A line held from the start (a no-break space), so the count's arrival moves nothing below it. */}
          {list.data ? t('common.showing', { shown: format.number(items.length), total: format.number(total) }) : '\u00a0'}
        </p>
        <p className="list-tools__exports">
          <span className="visually-hidden">{t('followUps.exports')}: </span>
          <button type="button" className="button button--secondary button--small" onClick={() => download('csv')}>
            {t('followUps.exportCsv')}
          </button>{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => download('ics')}>
            {t('followUps.exportIcs')}
          </button>
        </p>
      </div>

      <div aria-live="polite" className="feedback">
        {feedback?.kind === 'saved' && <p className="notification notification--success">{feedback.text}</p>}
        {feedback?.kind === 'bulk' && (
          <div className={`notification${feedback.result.failed.length > 0 ? ' notification--warning' : ' notification--success'}`}>
            <p>{t('followUps.bulkResult', { updated: feedback.result.updated.length, failed: feedback.result.failed.length })}</p>
            {feedback.result.failed.length > 0 && (
              <ul className="list list--bullet">
                {feedback.result.failed.map((f) => (
                  <li key={f.id}>{t('followUps.bulkFailedItem', { title: titleOf(f.id), reason:
                        f.errors?.map((e) => t(`errors.field.${e.code}` as 'errors.field.invalid', { defaultValue: e.message })).join(' ') ||
                        describeError(new ApiError({ kind: 'http', status: f.status, title: f.title }), t) })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {feedback?.kind === 'failed' && (
        <div className="save-failed" role="alert">
          <p>{feedback.text}</p>
        </div>
      )}
      {feedback?.kind === 'conflict' && (
        <StatusConflict
          mine={feedback.mine}
          current={feedback.current}
          onReapply={() => applyStatus(feedback.current, feedback.mine, feedback.comment)}
          onKeepTheirs={() => setFeedback(undefined)}
        />
      )}

      {selected.size > 0 && (
        <BulkBar
          selected={items.filter((i) => selected.has(i.id))}
          users={[...labels.maps.users.values()].filter((u) => u.active)}
          busy={bulk.isPending}
          onApply={applyBulk}
          onClear={() => setSelected(new Set())}
        />
      )}

      <QueryState query={list} isEmpty={items.length === 0} empty={<EmptyState>{t('followUps.empty')}</EmptyState>}>
        {() => (
          <FollowUpList
            items={items}
            total={total}
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={() => void list.fetchNextPage()}
            partnerships={partnershipMap}
            selected={selected}
            onToggle={toggle}
            onToggleAll={toggleAll}
            onChangeStatus={setDialogItem}
            pending={pending}
          />
        )}
      </QueryState>

      {dialogItem && (
        <StatusDialog
          key={dialogItem.id}
          item={dialogItem}
          onSubmit={({ item, status, comment }) => applyStatus(item, status, comment)}
          onClose={() => setDialogItem(undefined)}
        />
      )}
    </div>
  );
}

/** A shortcut to the list with `filters` (pressed when `active`: choosing it again clears its filter), and its count. */
function Shortcut({ filters, active, label, count }: { filters: Filters; active: boolean; label: string; count: number | undefined }) {
  return (
    <Link
      className={`shortcut${active ? ' shortcut--active' : ''}`}
      aria-current={active ? 'true' : undefined}
      to={{ search: new URLSearchParams(followUpFiltersToParams(filters)).toString() }}
      replace
    >
      {label} <ShortcutCount n={count} />
    </Link>
  );
}

/**
 * A shortcut's count, or while it loads a hidden "(0)" in its place: the shortcuts keep their
 * width when the counts arrive (they moved the row sideways on a phone, issue 17).
 */
function ShortcutCount({ n }: { n: number | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (n === undefined) {
    return (
      <span className="shortcut__count shortcut__count--pending" aria-hidden="true">
        {t('followUps.count', { n: format.number(0) })}
      </span>
    );
  }
  return <span className="shortcut__count">{t('followUps.count', { n: format.number(n) })}</span>;
}
