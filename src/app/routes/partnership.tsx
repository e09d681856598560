import type { QueryClient } from '@tanstack/react-query';
import { preload, preloadPages } from '@/lib/api-client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { QueryState } from '@/components/ui/query-state';
import { TIMELINE_KINDS, type TimelineKind } from '@/domain/timeline';
import { followUpQueries } from '@/features/follow-ups/api/queries';
import { FollowUpsSection } from '@/features/follow-ups/components/follow-up-table';
import { HistoryPanel } from '@/features/history/history-panel';
import { partnershipQueries, timelineQuery } from '@/features/partners/api/queries';
import { Contacts } from '@/features/partners/components/contacts';
import { PartnerHealth } from '@/features/partners/components/partner-health';
import { PartnershipDetail } from '@/features/partners/components/partnership-detail';
import { StageChangeDialog } from '@/features/partners/components/stage-change-dialog';
import { Timeline } from '@/features/partners/components/timeline';
import { useCan } from '@/session/use-can';
import { useSessionSettled } from '@/session/use-session-settled';
import { useLabels } from '@/reference-data/use-labels';
import { preloadNames, useNamesReady } from '@/reference-data/use-names-ready';
import { useDocumentTitle } from '@/lib/use-document-title';

function kindsFrom(params: URLSearchParams): TimelineKind[] {
  return (params.get('kind') ?? '').split(',').filter((k): k is TimelineKind => TIMELINE_KINDS.includes(k as TimelineKind));
}

export function partnershipLoader(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const id = params.partnershipId ?? '';
    preload(queryClient, partnershipQueries.detail(id));
    preloadPages(queryClient, timelineQuery(id, kindsFrom(new URL(request.url).searchParams)));
    preloadNames(queryClient);
    return null;
  };
}

/**
 * One place per partner that tells the whole story: profile, stage and its history, agreements,
 * contacts, what needs attention, the timeline, the open work and who changed what.
 */
export function PartnershipPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const partnershipId = useParams().partnershipId ?? '';
  const [params, setParams] = useSearchParams();
  const kinds = kindsFrom(params);
  const partnership = useQuery(partnershipQueries.detail(partnershipId));
  const followUps = useInfiniteQuery(followUpQueries.list({ partnershipId }));
  const canChangeStage = useCan('partnership.changeStage');
  const canEdit = useCan('partnership.update');
  const canEditRegion = useCan('region.write');
  const namesReady = useNamesReady();
  const sessionSettled = useSessionSettled();
  const [changing, setChanging] = useState(false);
  // Arriving from the partnership form: say what was saved (the form passes it in the history state).
  const arrived = (useLocation().state as { saved?: { kind?: string } } | null)?.saved?.kind;
  const [saved, setSaved] = useState(
    arrived === 'partnership' ? t('partnership.saved') : arrived === 'unchanged' ? t('partnership.unchanged') : '',
  );
  const name = partnership.data ? labels.partnership(partnership.data) : t('partners.title');
  useDocumentTitle(name);

  const setKinds = (next: TimelineKind[]) => {
    const copy = new URLSearchParams(params);
    if (next.length) copy.set('kind', next.join(','));
    else copy.delete('kind');
    setParams(copy, { replace: true, preventScrollReset: true });
  };

  return (
    <div className="page">
      <p className="back-link no-print">
        <Link to="/partners">{t('partners.backToList')}</Link>
      </p>
      {/* The page paints with its names and its buttons (known with the session): nothing grows above the fold later. */}
      <QueryState query={partnership} level={1} ready={namesReady && sessionSettled}>
        {(data) => (
          <>
            {saved && (
              <div className="notification notification--success" role="status">
                {saved}
              </div>
            )}
            <PartnershipDetail
              partnership={data}
              actions={
                (canChangeStage || canEdit || (canEditRegion && data.partnerRegionId)) && (
                  <div className="page-actions__buttons no-print">
                    {canChangeStage && (
                      <button type="button" className="button" onClick={() => setChanging(true)}>
                        {t('stageChange.open')}
                      </button>
                    )}{' '}
                    {canEdit && (
                      <Link className="button button--secondary" to={`/partners/${encodeURIComponent(partnershipId)}/edit`}>
                        {t('partnership.edit')}
                      </Link>
                    )}{' '}
                    {canEditRegion && data.partnerRegionId && (
                      <Link className="button button--secondary" to={`/regions/${encodeURIComponent(data.partnerRegionId)}/edit`}>
                        {t('partnership.editRegion')}
                      </Link>
                    )}
                  </div>
                )
              }
            />
            {changing && (
              <StageChangeDialog
                partnership={data}
                name={name}
                onClose={() => setChanging(false)}
                onSaved={(next) => {
                  setChanging(false);
                  setSaved(t('stageChange.saved', { stage: t(`enums.stage.${next.stage}`) }));
                }}
              />
            )}
            <PartnerHealth partnershipId={partnershipId} />
            <section aria-labelledby="partner-contacts">
              <h2 id="partner-contacts">{t('partnership.contacts')}</h2>
              <p className="hint">{t('partnership.contactsIntro')}</p>
              <Contacts partnership={data} />
            </section>
            <Timeline partnershipId={partnershipId} kinds={kinds} onKindsChange={setKinds} />
            <FollowUpsSection id="partner-follow-ups" title={t('partners.detail.followUps')} emptyText={t('partners.detail.noFollowUps')} query={followUps} />
            <HistoryPanel entity="partnership" entityId={partnershipId} version={data.version} />
          </>
        )}
      </QueryState>
    </div>
  );
}
