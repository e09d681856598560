import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reportedWeekdayMismatch, type Meeting, type Participant } from '@/domain/meeting';
import type { Partnership } from '@/domain/partnership';
import type { Person } from '@/domain/person';
import { DescriptionList } from '@/components/ui/description-list';
import { IllustrativeTag } from '@/components/ui/tags';
import { safeHttpUrl } from '@/lib/urls';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';

type MeetingDetailProps = {
  meeting: Meeting;
  partnership: Partnership | undefined;
  people: ReadonlyMap<string, Person>;
};

/** Every recorded fact of a meeting, in reading order; also the print brief. */
export function MeetingDetail({ meeting, partnership, people }: MeetingDetailProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const none = t('meetings.detail.noneRecorded');

  const personLabel = (id: string | undefined) => {
    if (!id) return none;
    const person = people.get(id);
    if (!person) return id;
    return person.position ? `${person.name}, ${person.position}` : person.name;
  };
  const participantLabel = (p: Participant) =>
    [p.personId ? personLabel(p.personId) : undefined, p.organizationId ? labels.organization(p.organizationId) : undefined, p.description]
      .filter(Boolean)
      .join(' — ');

  const sourceUrl = safeHttpUrl(meeting.source?.url);
  const mismatch = reportedWeekdayMismatch(meeting.date, meeting.source?.dateAsReported);
  const when = (
    <>
      <time dateTime={meeting.time ? `${meeting.date}T${meeting.time}` : meeting.date}>
        {format.date(meeting.date, 'full')}
        {meeting.time ? `, ${meeting.time}` : ''}
      </time>
      {meeting.time && <span className="hint"> ({t('meetings.detail.timeZoneNote', { zone: meeting.timeZone })})</span>}
    </>
  );

  return (
    <article className="meeting-detail">
      <p className="caption">{t(`enums.meetingKind.${meeting.kind}`)}</p>
      {/* Meeting texts are recorded in Bahasa Indonesia: marked so, a screen reader reads them so in the English UI too. */}
      <h1 lang="id">
        {meeting.title}{' '}
        {meeting.illustrative && (
          <span lang={i18n.language}>
            <IllustrativeTag />
          </span>
        )}
      </h1>

      <DescriptionList
        items={[
          { term: t('meetings.detail.when'), value: when },
          { term: t('meetings.detail.place'), value: meeting.place ?? none },
          {
            term: t('meetings.detail.partnership'),
            value: partnership ? (
              <Link to={`/partners/${encodeURIComponent(partnership.id)}`}>{labels.partnership(partnership)}</Link>
            ) : (
              meeting.partnershipId
            ),
          },
          { term: t('meetings.detail.hostLead'), value: personLabel(meeting.hostLeadId) },
          { term: t('meetings.detail.delegationLead'), value: personLabel(meeting.delegationLeadId) },
          {
            term: t('meetings.detail.participants'),
            value:
              meeting.participants.length === 0 ? (
                none
              ) : (
                <ul className="list">
                  {meeting.participants.map((p, i) => (
                    <li key={i}>
                      <span className="hint">{t(`enums.side.${p.side}`)}:</span> {participantLabel(p)}
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            term: t('meetings.detail.facilitators'),
            value: meeting.facilitatorIds.map(labels.organization).join(', ') || none,
          },
          {
            term: t('meetings.detail.sectors'),
            value:
              meeting.sectorIds.length === 0 ? (
                none
              ) : (
                <ul className="list">
                  {meeting.sectorIds.map((id) => (
                    <li key={id}>{labels.sector(id)}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />

      {mismatch && (
        <div className="inset" role="note">
          {t('meetings.detail.weekdayMismatch', {
            reported: format.weekday(mismatch.reported),
            date: format.date(meeting.date, 'long'),
            actual: format.weekday(mismatch.actual),
          })}
        </div>
      )}

      {meeting.summary && (
        <section aria-labelledby="meeting-summary">
          <h2 id="meeting-summary">{t('meetings.detail.summary')}</h2>
          <p className="prose" lang="id">
            {meeting.summary}
          </p>
        </section>
      )}

      {meeting.statements.length > 0 && (
        <section aria-labelledby="meeting-statements">
          <h2 id="meeting-statements">{t('meetings.detail.statements')}</h2>
          {meeting.statements.map((s, i) => (
            <figure className="quote" key={i}>
              <blockquote lang="id">
                <p>“{s.text}”</p>
              </blockquote>
              <figcaption>— {s.personId ? personLabel(s.personId) : s.speaker}</figcaption>
            </figure>
          ))}
        </section>
      )}

      <div className="grid-2 grid-2--print">
      <TextsSection id="meeting-outcomes" title={t('meetings.detail.outcomes')} texts={meeting.outcomes} />

      {(meeting.delegationSize || (meeting.namesAsReported ?? []).length > 0) && (
        <section aria-labelledby="meeting-record">
          <h2 id="meeting-record">{t('meetingRecord.title')}</h2>
          {meeting.delegationSize && (
            <>
              <h3>{t('meetingRecord.delegation')}</h3>
              <ul className="list">
                {(['host', 'guest'] as const).map((side) => {
                  const size = meeting.delegationSize?.[side];
                  if (!size) return null;
                  return (
                    <li key={side}>
                      {t(`meetingRecord.${side}`, { people: size.people })}
                      {size.countries !== undefined && t('meetingRecord.countries', { count: size.countries })}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {(meeting.namesAsReported ?? []).length > 0 && (
            <>
              <h3>{t('meetingRecord.names')}</h3>
              <ul className="list list--bullet" lang="id">
                {(meeting.namesAsReported ?? []).map((name, i) => (
                  <li key={i}>{name}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <TextsSection id="meeting-aims" title={t('meetings.detail.aims')} texts={meeting.aims} />

      </div>

      {meeting.source && (
        <section aria-labelledby="meeting-source" className="source">
          <h2 id="meeting-source">{t('meetings.detail.source')}</h2>
          <DescriptionList
            items={[
              { term: t('meetings.detail.publisher'), value: meeting.source.publisher, hidden: !meeting.source.publisher },
              { term: t('meetings.detail.author'), value: meeting.source.author, hidden: !meeting.source.author },
              {
                term: t('meetings.detail.published'),
                value: meeting.source.publishedDate ? format.date(meeting.source.publishedDate, 'long') : '',
                hidden: !meeting.source.publishedDate,
              },
              {
                term: t('meetings.detail.dateAsReported'),
                value: <q lang="id">{meeting.source.dateAsReported}</q>,
                hidden: !meeting.source.dateAsReported,
              },
              {
                term: t('meetings.detail.link'),
                value: sourceUrl ? (
                  <a href={sourceUrl} rel="noopener noreferrer external" target="_blank">
                    {meeting.source.url}
                  </a>
                ) : (
                  ''
                ),
                hidden: !meeting.source.url,
              },
              {
                term: t('meetings.detail.link'),
                value: meeting.source.url,
                hidden: !meeting.source.url || sourceUrl !== undefined,
              },
              { term: t('meetings.detail.sourceNote'), value: meeting.source.note, hidden: !meeting.source.note },
            ]}
          />
        </section>
      )}
    </article>
  );
}

/** A titled list of the meeting's texts in Indonesian (outcomes, aims); nothing when there are none. */
function TextsSection({ id, title, texts }: { id: string; title: string; texts: string[] }) {
  if (texts.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="list list--bullet" lang="id">
        {texts.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </section>
  );
}
