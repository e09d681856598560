import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp, FollowUpEvent } from '@/domain/follow-up';
import type { Meeting } from '@/domain/meeting';
import type { Partnership } from '@/domain/partnership';
import { DescriptionList } from '@/components/ui/description-list';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';
import { StatusTag } from './follow-up-table';
import { HistoryTable } from '@/components/ui/history-table';

type FollowUpDetailProps = {
  item: FollowUp;
  partnership: Partnership | undefined;
  meetings: ReadonlyMap<string, Meeting>;
};

/** A follow-up with every meeting that discussed it and its whole history, in plain words. */
export function FollowUpDetail({ item, partnership, meetings }: FollowUpDetailProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const none = t('common.none');
  const meetingLink = (id: string) => {
    const meeting = meetings.get(id);
    return (
      <Link to={`/meetings/${encodeURIComponent(id)}`}>
        {meeting ? `${meeting.title} (${format.date(meeting.date, 'long')})` : id}
      </Link>
    );
  };
  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return none;
    if (field === 'ownerId' && typeof value === 'string') return labels.user(value);
    if ((field === 'dueDate' || field === 'agreedOn') && typeof value === 'string') return format.date(value, 'long');
    if (field === 'priority' && typeof value === 'string') return t(`enums.priority.${value as FollowUp['priority']}`);
    if (field === 'sectorIds' && Array.isArray(value)) return value.map((v) => labels.sector(String(v))).join(', ') || none;
    return String(value);
  };
  const describe = (event: FollowUpEvent) => {
    switch (event.kind) {
      case 'created':
        return event.meetingId ? (
          <>
            {t('followUps.detail.createdIn')}{' '}
            {meetingLink(event.meetingId)}
          </>
        ) : (
          t('followUps.detail.created', { status: t(`enums.status.${event.to ?? 'open'}`) })
        );
      case 'status':
        return t('followUps.detail.statusChange', {
          from: event.from ? t(`enums.status.${event.from}`) : none,
          to: event.to ? t(`enums.status.${event.to}`) : none,
        });
      case 'discussed':
        return (
          <>
            {t('followUps.detail.discussed')}{' '}
            {event.meetingId ? meetingLink(event.meetingId) : none}
          </>
        );
      case 'updated':
        return (
          <ul className="list">
            {event.changes?.map((c) => (
              <li key={c.field}>
                {t('followUps.detail.fieldChange', {
                  field: t(`followUps.detail.fields.${c.field as 'title'}`, { defaultValue: c.field }),
                  from: valueText(c.field, c.from),
                  to: valueText(c.field, c.to),
                })}
              </li>
            ))}
          </ul>
        );
      case 'comment':
        return t('followUps.detail.comment');
    }
  };

  return (
    <>
      <p className="caption">{partnership ? labels.partnership(partnership) : item.partnershipId}</p>
      <h1>{item.title}</h1>
      <p>
        <StatusTag status={item.status} />
      </p>
      <DescriptionList
        items={[
          { term: t('followUps.detail.description'), value: item.description ?? none },
          {
            term: t('followUps.detail.partnership'),
            value: partnership ? <Link to={`/partners/${encodeURIComponent(partnership.id)}`}>{labels.partnership(partnership)}</Link> : none,
          },
          {
            term: t('followUps.detail.meetings'),
            value:
              item.meetingIds.length === 0 ? (
                t('followUps.detail.noMeetings')
              ) : (
                <ul className="list">
                  {item.meetingIds.map((id) => (
                    <li key={id}>{meetingLink(id)}</li>
                  ))}
                </ul>
              ),
          },
          {
            term: t('followUps.detail.owner'),
            // An item of a back-logged visit nobody took on yet says so, not a bare dash.
            value: item.ownerId ? labels.user(item.ownerId) : t('followUps.unassignedShortcut'),
          },
          { term: t('followUps.detail.due'), value: item.dueDate ? format.date(item.dueDate, 'full') : t('followUps.noDueDate') },
          { term: t('followUps.detail.priority'), value: t(`enums.priority.${item.priority}`) },
          { term: t('followUps.detail.sectors'), value: item.sectorIds.map(labels.sector).join(', ') || none },
        ]}
      />
      <HistoryTable
        id="follow-up-history"
        title={t('followUps.detail.history')}
        entries={item.history}
        columns={[
          { header: t('followUps.detail.when'), cell: (event) => format.dateTime(event.at), nowrap: true },
          { header: t('followUps.detail.who'), cell: (event) => labels.user(event.by) },
          { header: t('followUps.detail.what'), cell: (event) => describe(event) },
          { header: t('followUps.detail.comment'), cell: (event) => event.comment ?? none },
        ]}
      />
    </>
  );
}
