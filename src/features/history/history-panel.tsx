import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditedEntity, AuditEntry } from '@/domain/audit';
import { QueryState } from '@/components/ui/query-state';
import { useLabels } from '@/reference-data/use-labels';
import { useFormat } from '@/lib/use-format';
import { useDescribeValue } from './describe-value';
import { historyQuery } from './queries';
import { PagedList } from '@/components/ui/load-more';

/**
 * Who changed what, when, and the value before and after, in words, newest first. Only the
 * fields that changed are listed (the API records nothing else). Read from the audit trail.
 */
export function HistoryPanel({ entity, entityId, version }: { entity: AuditedEntity; entityId: string; version?: number }) {
  const { t } = useTranslation();
  const id = useId();
  const history = useInfiniteQuery(historyQuery(entity, entityId, version));
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];
  const total = history.data?.pages[0]?.total ?? 0;

  return (
    <section className="history no-print" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('history.title')}</h2>
      <p className="hint">{t('history.intro')}</p>
      <QueryState query={history} isEmpty={entries.length === 0} empty={<p>{t('history.empty')}</p>}>
        {() => (
          <PagedList query={history} className="history__list" label={t('history.more')} shown={entries.length} total={total}>
            {entries.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </PagedList>
        )}
      </QueryState>
    </section>
  );
}

function HistoryEntry({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const describe = useDescribeValue();
  const name = entry.actorId === 'system' ? t('history.system') : labels.user(entry.actorId);
  const fieldLabel = (field: string) => t(`history.fields.${field as 'title'}`, { defaultValue: field });
  return (
    <li className="history__entry">
      <p className="history__who">
        <strong>{entry.action === 'create' ? t('history.created', { name }) : t('history.updated', { name })}</strong>{' '}
        <span className="hint">
          · <time dateTime={entry.at}>{format.dateTime(entry.at)}</time> · {t('history.version', { version: entry.version })}
        </span>
      </p>
      {entry.note && <p className="history__note">{t('history.note', { note: entry.note })}</p>}
      {entry.action === 'update' && entry.changes.length > 0 && (
        <table className="table table--compact history__changes">
          <caption className="visually-hidden">{`${t('history.updated', { name })}, ${format.dateTime(entry.at)}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.field')}</th>
              <th scope="col">{t('history.before')}</th>
              <th scope="col">{t('history.after')}</th>
            </tr>
          </thead>
          <tbody>
            {entry.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{fieldLabel(change.field)}</th>
                <td>
                  <del>{describe(change.field, change.before, entry.entity)}</del>
                </td>
                <td>
                  <ins>{describe(change.field, change.after, entry.entity)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
