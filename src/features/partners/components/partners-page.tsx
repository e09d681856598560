import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { CsvExport } from '@/components/ui/csv-export';
import { Link } from 'react-router';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { activityQuery, partnershipQueries } from '../api/queries';
import { DirectoryFilters } from './directory-filters';
import { PartnershipTable } from './partnership-table';
import { directoryApiFilters, directoryFiltersFrom, directoryFiltersToParams, sortDirectory } from '../directory';
import { useCan } from '@/session/use-can';
import { useSessionSettled } from '@/session/use-session-settled';
import { useLabels } from '@/reference-data/use-labels';
import { useNamesReady } from '@/reference-data/use-names-ready';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFilterParams } from '@/lib/use-filter-params';
import { useFormat } from '@/lib/use-format';

/**
 * The partner directory: every partnership with its partner's country, level and local-script
 * name, stage, focus sectors, last meeting and next follow-up. Filters, text and sort live in
 * the URL, so a link reproduces the view; the API filters and matches names in any script.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { filters, change } = useFilterParams(directoryFiltersFrom, directoryFiltersToParams);
  const labels = useLabels();
  const list = useQuery({ ...partnershipQueries.list(directoryApiFilters(filters)), placeholderData: keepPreviousData });
  const activity = useQuery(activityQuery());
  const canCreate = useCan('partnership.create');
  const namesReady = useNamesReady();
  const sessionSettled = useSessionSettled();
  useDocumentTitle(t('partners.title'));


  // The text box follows the URL, and the URL follows typing after a short pause.
  const [text, setText] = useState(filters.q ?? '');
  const [urlQ, setUrlQ] = useState(filters.q);
  if (urlQ !== filters.q) {
    // The URL changed (back button, "clear filters"): the box shows it.
    setUrlQ(filters.q);
    if (text.trim() !== (filters.q ?? '')) setText(filters.q ?? '');
  }
  // Reads the URL as it is when the pause ends, not as it was when the typing began.
  const commitText = useEffectEvent((typed: string) => {
    if (typed !== (filters.q ?? '')) change({ q: typed || undefined });
  });
  useEffect(() => {
    const timer = setTimeout(() => commitText(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const activityMap = useMemo(() => new Map(activity.data?.items.map((a) => [a.partnershipId, a])), [activity.data]);
  const rows = useMemo(
    () =>
      sortDirectory(list.data?.items ?? [], filters.sort, {
        name: (p) => labels.partnership(p),
        region: (p) => (p.partnerRegionId ? labels.maps.regions.get(p.partnerRegionId) : undefined),
        country: format.country,
        activity: activityMap,
      }),
    [list.data, filters.sort, labels, format, activityMap],
  );
  const filtered = Object.keys(directoryFiltersToParams({ ...filters, sort: 'partner' })).length > 0;

  return (
    <div className="page">
      <PageHeader title={t('partners.title')} intro={t('partners.intro')}>
        {sessionSettled && canCreate && (
          <Link to="/partners/new" className="button">
            {t('directory.add')}
          </Link>
        )}
      </PageHeader>

      {/*
        * Below the title, the page paints once the session says whether the "add" button shows
        * (beside the title on a wide screen, under it on a phone): a button arriving later would
        * push the filters and rows down. Until then a loading line, which nothing follows.
        */}
      {!sessionSettled ? (
        <LoadingState />
      ) : (
        <>
          <DirectoryFilters
            filters={filters}
            text={text}
            onText={setText}
            onChange={change}
            partnerships={list.data?.items ?? []}
            filtered={filtered}
          />
          <CsvExport path="/partnerships/export.csv" params={directoryApiFilters(filters)} fileName="mitra-partnerships.csv" />

          {/* Rows paint with their names and activity (an id is wider than a name: rows would shrink). */}
          <QueryState query={list} ready={namesReady && !activity.isPending} isEmpty={rows.length === 0} empty={<EmptyState>{filtered ? t('directory.noMatch') : t('partners.empty')}</EmptyState>}>
            {() => (
              <>
                <p className="hint" role="status">
                  {t('directory.count', { count: rows.length })}
                </p>
                <PartnershipTable items={rows} caption={t('partners.caption')} activity={activityMap} sort={filters.sort} />
              </>
            )}
          </QueryState>
        </>
      )}
    </div>
  );
}
