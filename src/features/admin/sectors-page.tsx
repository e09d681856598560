import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { LoadingState } from '@/components/ui/states';
import { isRetired, type Sector } from '@/domain/sector';
import { describeError } from '@/lib/describe-error';
import { useFormat } from '@/lib/use-format';
import { referenceQueries } from '@/reference-data/queries';
import { sessionQuery } from '@/session/session';
import { usePermissions } from '@/session/use-can';
import { SectorForm } from './sector-form';
import { useUpdateSector } from './sectors-api';

/**
 * /admin/sectors (issue 15): every sector, active or retired; add one, rename it in both
 * languages, change its colour (readable on the charts), retire it (no longer offered, kept on
 * old records) or bring it back. Administrators only: the API refuses everyone else.
 */
export function SectorsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const format = useFormat();
  const { can } = usePermissions();
  const session = useQuery(sessionQuery());
  const sectors = useQuery(referenceQueries.sectors());
  const update = useUpdateSector();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<string | undefined>();

  useEffect(() => {
    document.title = `${t('sectorsAdmin.title')} — ${t('app.titleSuffix')}`;
  }, [t]);

  if (session.isPending) return <LoadingState />;
  if (!can('sector.write')) {
    return (
      <div className="page">
        <h1>{t('sectorsAdmin.title')}</h1>
        <p className="lead">{t('errors.forbidden')}</p>
      </div>
    );
  }

  const toggle = async (sector: Sector) => {
    setMessage('');
    const retire = !isRetired(sector);
    try {
      await update.mutateAsync({ sector, patch: { retired: retire } });
      setMessage(t(retire ? 'sectorsAdmin.retired' : 'sectorsAdmin.unretired', { name: sector.name[locale] }));
    } catch (error) {
      setMessage(t('sectorsAdmin.failed', { reason: describeError(error, t) }));
    }
  };

  return (
    <div className="page">
      <PageHeader title={t('sectorsAdmin.title')} intro={t('sectorsAdmin.intro')} />
      <p role="status" className="status-message">
        {message}
      </p>
      <QueryState query={sectors}>
        {(data) => {
          const current = editing ? data.items.find((s) => s.id === editing) : undefined;
          return (
            <>
              <DataTable
                caption={t('sectorsAdmin.tableCaption')}
                columns={[
                  t('sectorsAdmin.columns.nameId'),
                  t('sectorsAdmin.columns.nameEn'),
                  t('sectorsAdmin.columns.id'),
                  t('sectorsAdmin.columns.color'),
                  t('sectorsAdmin.columns.status'),
                  t('sectorsAdmin.columns.actions'),
                ]}
              >
                {[...data.items]
                  .sort((a, b) => a.name[locale].localeCompare(b.name[locale]))
                  .map((sector) => (
                    <tr key={sector.id}>
                      <th scope="row" lang="id">
                        {sector.name.id}
                      </th>
                      <td lang="en">{sector.name.en}</td>
                      <td>
                        <code>{sector.id}</code>
                      </td>
                      <td>
                        <span className="sector-swatch" style={{ backgroundColor: sector.color }} aria-hidden="true" /> <code>{sector.color}</code>
                      </td>
                      <td>{sector.retiredAt ? t('sectorsAdmin.retiredSince', { date: format.date(sector.retiredAt.slice(0, 10)) }) : t('sectorsAdmin.active')}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('sectorsAdmin.edit', { name: sector.name[locale] })}
                          onClick={() => {
                            setMessage('');
                            setEditing(sector.id);
                          }}
                        >
                          {t('sectorsAdmin.editShort')}
                        </button>{' '}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={update.isPending}
                          aria-label={t(isRetired(sector) ? 'sectorsAdmin.unretire' : 'sectorsAdmin.retire', { name: sector.name[locale] })}
                          onClick={() => void toggle(sector)}
                        >
                          {t(isRetired(sector) ? 'sectorsAdmin.unretireShort' : 'sectorsAdmin.retireShort')}
                        </button>
                      </td>
                    </tr>
                  ))}
              </DataTable>
              {current && (
                <SectorForm
                  key={`${current.id}-${current.version}`}
                  sector={current}
                  onCancel={() => setEditing(undefined)}
                  onDone={(_saved, text) => {
                    setEditing(undefined);
                    setMessage(text);
                  }}
                />
              )}
            </>
          );
        }}
      </QueryState>
      <SectorForm onDone={(_saved, text) => setMessage(text)} />
    </div>
  );
}
