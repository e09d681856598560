import type { QueryClient } from '@tanstack/react-query';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { DUE_WINDOWS, FOLLOW_UP_STATUSES, type FollowUp, type FollowUpStatus } from '@/domain/follow-up';
import { FilterSelect } from '@/components/ui/filter-select';
import { EmptyState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { followUpCountQuery } from '@/features/follow-ups/api/counts';
import { FOLLOW_UP_SORTS, followUpFiltersFrom, followUpFiltersToParams } from '@/features/follow-ups/api/filters';
import { useBulkChange, useChangeStatus, type BulkChanges, type BulkResult } from '@/features/follow-ups/api/mutations';
import { followUpQueries, type FollowUpFilters } from '@/features/follow-ups/api/queries';
import { BulkBar } from '@/features/follow-ups/components/bulk-bar';
import { DueSoon } from '@/features/follow-ups/components/due-soon';
import { FollowUpList } from '@/features/follow-ups/components/follow-up-list';
import { StatusDialog } from '@/features/follow-ups/components/status-dialog';
import { partnershipQueries } from '@/features/partners/api/queries';
import { useLabels } from '@/reference-data/use-labels';
import { ApiError, apiDownload, isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormat } from '@/lib/use-format';
import { usePreferences } from '@/stores/preferences';
import { SearchField } from '@/components/ui/search-field';
import { useFilterPanel } from '@/components/ui/filter-panel';

export function followUpsLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchInfiniteQuery(followUpQueries.list(followUpFiltersFrom(new URL(request.url).searchParams)));
    return null;
  };
}


type Feedback =
  | { kind: 'saved'; text: string }
  | { kind: 'failed'; text: string }
  | { kind: 'conflict'; mine: FollowUpStatus; comment: string; current: FollowUp }
  | { kind: 'bulk'; result: BulkResult };

export function FollowUpsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const userId = usePreferences((s) => s.userId);
  const [params, setParams] = useSearchParams();
  const filters = followUpFiltersFrom(params);
  // While a new filter loads, the previous rows stay (no flash of "loading" between keystrokes).
  const list = useInfiniteQuery({ ...followUpQueries.list(filters), placeholderData: keepPreviousData });
  const partnerships = useQuery(partnershipQueries.list());
  const partnershipMap = useMemo(() => new Map(partnerships.data?.items.map((p) => [p.id, p])), [partnerships.data]);
  const mineCount = useQuery(followUpCountQuery({ ownerId: userId }));
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

  const change = (patch: Partial<FollowUpFilters>) =>
    setParams(followUpFiltersToParams({ ...filters, ...patch }), { replace: true });

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
  const filterPanel = useFilterPanel('follow-up-filters', [filters.status, filters.due, filters.sectorId, filters.partnershipId, filters.ownerId, filters.sort].filter(Boolean).length);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('followUps.title')}</h1>
          <p className="lead">{t('followUps.intro')}</p>
        </div>
        <DueSoon userId={userId} />
      </div>

      <nav className="shortcuts" aria-label={t('followUps.shortcuts')}>
        <Link
          className={`shortcut${mineActive ? ' shortcut--active' : ''}`}
          aria-current={mineActive ? 'true' : undefined}
          to={{ search: new URLSearchParams(followUpFiltersToParams({ ...filters, ownerId: mineActive ? undefined : userId })).toString() }}
          replace
        >
          {t('followUps.mine')} {mineCount.data !== undefined && t('followUps.count', { n: format.number(mineCount.data) })}
        </Link>
        <Link
          className={`shortcut${overdueActive ? ' shortcut--active' : ''}`}
          aria-current={overdueActive ? 'true' : undefined}
          to={{ search: new URLSearchParams(followUpFiltersToParams({ ...filters, due: overdueActive ? undefined : 'overdue' })).toString() }}
          replace
        >
          {t('followUps.overdueShortcut')}{' '}
          {overdueCount.data !== undefined && t('followUps.count', { n: format.number(overdueCount.data) })}
        </Link>
      </nav>

      <form className="filters" {...filterPanel.form} aria-label={t('followUps.filters')} onSubmit={(e) => e.preventDefault()} role="search">
        <SearchField label={t('followUps.search')} hint={t('followUps.searchHint')} hintHidden value={search} onChange={handleSearch} grow />
        {filterPanel.toggle}
        <FilterSelect
          id="status-filter"
          label={t('followUps.filterStatus')}
          value={filters.status?.join(',') ?? ''}
          options={[
            ...FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) })),
            // A link may hold several statuses (?status=open,blocked): say so, do not show "all".
            ...((filters.status?.length ?? 0) > 1
              ? [{ value: filters.status?.join(',') ?? '', label: filters.status?.map((s) => t(`enums.status.${s as FollowUpStatus}`)).join(' + ') ?? '' }]
              : []),
          ]}
          onChange={(status) => change({ status: status ? status.split(',') : undefined })}
        />
        <FilterSelect
          id="filter-due"
          label={t('followUps.filterDue')}
          value={filters.due ?? ''}
          options={DUE_WINDOWS.map((w) => ({ value: w, label: t(`followUps.dueWindows.${w}`) }))}
          onChange={(due) => change({ due })}
        />
        <FilterSelect
          id="filter-sector"
          label={t('followUps.filterSector')}
          value={filters.sectorId ?? ''}
          options={[...labels.maps.sectors.values()].map((s) => ({ value: s.id, label: labels.sector(s.id) }))}
          onChange={(sectorId) => change({ sectorId })}
        />
        <FilterSelect
          id="filter-partnership"
          label={t('followUps.filterPartnership')}
          value={filters.partnershipId ?? ''}
          options={(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: labels.partnership(p) }))}
          onChange={(partnershipId) => change({ partnershipId })}
        />
        <FilterSelect
          id="filter-owner"
          label={t('followUps.filterOwner')}
          value={filters.ownerId ?? ''}
          options={[...labels.maps.users.values()].map((u) => ({ value: u.id, label: u.name }))}
          onChange={(ownerId) => change({ ownerId })}
        />
        <FilterSelect
          id="filter-sort"
          label={t('followUps.sort')}
          value={filters.sort ?? 'dueDate'}
          allLabel={false}
          options={FOLLOW_UP_SORTS.map((s) => ({ value: s, label: t(`followUps.sorts.${s}`) }))}
          onChange={(sort) => change({ sort: sort === 'dueDate' ? undefined : sort })}
        />
        {Object.keys(followUpFiltersToParams(filters)).length > 0 && (
          <p className="filters__clear">
            <Link to="/follow-ups" replace onClick={() => setSearch('')}>
              {t('common.clearFilters')}
            </Link>
          </p>
        )}
      </form>

      <div className="list-tools">
        <p className="hint" role="status">
          {list.data ? t('common.showing', { shown: format.number(items.length), total: format.number(total) }) : ''}
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
        <div className="conflict" role="alert">
          <h2>{t('followUps.conflictTitle', { title: feedback.current.title })}</h2>
          <p>
            {t('followUps.conflictBody', {
              status: t(`enums.status.${feedback.current.status}`),
              version: feedback.current.version,
              mine: t(`enums.status.${feedback.mine}`),
            })}
          </p>
          <div className="form-actions form-actions--tight">
            <button type="button" className="button" onClick={() => applyStatus(feedback.current, feedback.mine, feedback.comment)}>
              {t('followUps.reapply')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setFeedback(undefined)}>
              {t('followUps.keepTheirs')}
            </button>
          </div>
        </div>
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
