import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '@/components/ui/query-state';
import type { FollowUpStatus } from '@/domain/follow-up';
import type { Stage } from '@/domain/partnership';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '@/domain/timeline';
import { useLabels } from '@/reference-data/use-labels';
import { useFormat } from '@/lib/use-format';
import { timelineQuery } from '../api/queries';
import { PagedList } from '@/components/ui/load-more';

type Props = {
  partnershipId: string;
  /** The kinds shown (from the URL); empty means all. */
  kinds: readonly TimelineKind[];
  onKindsChange: (kinds: TimelineKind[]) => void;
};

/** The partnership's story: meetings, stage changes and follow-up events, newest first. */
export function Timeline({ partnershipId, kinds, onKindsChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const shown = kinds.length === 0 ? TIMELINE_KINDS : kinds;
  const timeline = useInfiniteQuery(timelineQuery(partnershipId, kinds));
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const total = timeline.data?.pages[0]?.total ?? 0;

  const toggle = (kind: TimelineKind, on: boolean) => {
    const next = TIMELINE_KINDS.filter((k) => (k === kind ? on : shown.includes(k)));
    onKindsChange(next.length === TIMELINE_KINDS.length ? [] : next);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="timeline">
      <h2 id={`${id}-title`}>{t('timeline.title')}</h2>
      <p className="hint">{t('timeline.intro')}</p>
      <fieldset className="fieldset timeline__filter no-print">
        <legend className="fieldset__legend fieldset__legend--small">{t('timeline.show')}</legend>
        <div className="checkboxes checkboxes--inline">
          {TIMELINE_KINDS.map((kind) => (
            <div className="checkboxes__item" key={kind}>
              <input
                type="checkbox"
                className="checkboxes__input"
                id={`${id}-${kind}`}
                checked={shown.includes(kind)}
                onChange={(e) => toggle(kind, e.target.checked)}
              />
              <label className="checkboxes__label" htmlFor={`${id}-${kind}`}>
                {t(`timeline.kinds.${kind}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <QueryState query={timeline} isEmpty={items.length === 0 || shown.length === 0} empty={<p>{t('timeline.empty')}</p>}>
        {() => (
          <PagedList query={timeline} className="timeline__list" label={t('common.loadMore')} shown={items.length} total={total}>
            {items.map((item, i) => (
              <TimelineEntry key={`${item.kind}-${item.at}-${i}`} item={item} />
            ))}
          </PagedList>
        )}
      </QueryState>
    </section>
  );
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const stage = (s: Stage | undefined) => (s ? t(`enums.stage.${s}`) : '');
  const status = (s: FollowUpStatus | undefined) => (s ? t(`enums.status.${s}`) : '');
  const by = 'by' in item ? <span className="hint"> · {t('timeline.by', { name: labels.user(item.by) })}</span> : null;
  const row = (modifier: string, what: ReactNode, more: ReactNode) => (
    <TimelineRow modifier={modifier} date={item.date} what={what}>
      {more}
    </TimelineRow>
  );

  if (item.kind === 'meeting') {
    return row(
      'meeting',
      <>
        <span className="caption">{t(`enums.meetingKind.${item.meetingKind}`)}</span>{' '}
        <Link to={`/meetings/${encodeURIComponent(item.meetingId)}`}>{item.title}</Link>
      </>,
      item.followUps.length > 0 && (
        <details className="timeline__details">
          <summary>{t('timeline.agreed', { count: item.followUps.length })}</summary>
          <ul className="list list--bullet">
            {item.followUps.map((f) => (
              <li key={f.id}>
                <Link to={`/follow-ups/${encodeURIComponent(f.id)}`}>{f.title}</Link>{' '}
                <span className="hint">({status(f.status)})</span>
              </li>
            ))}
          </ul>
        </details>
      ),
    );
  }
  if (item.kind === 'stage') {
    return row(
      'stage',
      <>
        <strong>
          {item.from ? t('timeline.stageChange', { from: stage(item.from), to: stage(item.to) }) : t('timeline.stageStart', { to: stage(item.to) })}
        </strong>
        {by}
      </>,
      item.note && <p className="timeline__note">{t('timeline.note', { note: item.note })}</p>,
    );
  }
  const link = <Link to={`/follow-ups/${encodeURIComponent(item.followUpId)}`}>{item.title}</Link>;
  const fieldNames = (item.fields ?? []).map((f) => t(`history.fields.${f as 'title'}`, { defaultValue: f })).join(', ');
  const text =
    item.event === 'status'
      ? t('timeline.status', { from: status(item.from), to: status(item.to) })
      : item.event === 'updated'
        ? t('timeline.updated', { fields: fieldNames })
        : t(`timeline.${item.event}`);
  return row(
    'follow-up',
    <>
      {text} {link}
      {by}
    </>,
    item.comment && <p className="timeline__note">“{item.comment}”</p>,
  );
}

/** One item of the timeline: its date, what happened, and what more there is to say of it. */
function TimelineRow({ modifier, date, what, children }: { modifier: string; date: string; what: ReactNode; children?: ReactNode }) {
  const format = useFormat();
  return (
    <li className={`timeline__item timeline__item--${modifier}`}>
      <time className="timeline__date" dateTime={date}>
        {format.date(date, 'long')}
      </time>
      <p className="timeline__what">{what}</p>
      {children}
    </li>
  );
}
