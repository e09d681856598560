import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/data-table';
import { QueryState } from '@/components/ui/query-state';
import { isRetired, type Sector } from '@/domain/sector';
import { useFormat } from '@/lib/use-format';
import { referenceQueries } from '@/reference-data/queries';
import { AdminPage, useAdminGate, useStatusLine } from './admin-gate';
import { SectorForm } from './sector-form';
import { useUpdateSector } from './sectors-api';

const COLUMNS = ['nameId', 'nameEn', 'id', 'color', 'status', 'actions'] as const;

/**
 * /admin/sectors (issue 15): every sector, active or retired; add one, rename it in both
 * languages, change its colour (readable on the charts), retire it (no longer offered, kept on
 * old records) or bring it back. Administrators only: the API refuses everyone else.
 */
export function SectorsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const format = useFormat();
  const sectors = useQuery(referenceQueries.sectors());
  const update = useUpdateSector();
  const { message, setMessage, run } = useStatusLine((reason) => t('sectorsAdmin.failed', { reason }));
  const [editing, setEditing] = useState<string | undefined>();
  const gate = useAdminGate(t('sectorsAdmin.title'), 'sector.write');
  if (gate) return gate;

  const toggle = (sector: Sector) => {
    const retire = !isRetired(sector);
    return run(
      () => update.mutateAsync({ sector, patch: { retired: retire } }),
      t(retire ? 'sectorsAdmin.retired' : 'sectorsAdmin.unretired', { name: sector.name[locale] }),
    );
  };

  return (
    <AdminPage title={t('sectorsAdmin.title')} intro={t('sectorsAdmin.intro')} message={message}>
      <QueryState query={sectors}>
        {(data) => {
          const current = editing ? data.items.find((s) => s.id === editing) : undefined;
          return (
            <>
              <DataTable
                caption={t('sectorsAdmin.tableCaption')}
                columns={COLUMNS.map((c) => t(`sectorsAdmin.columns.${c}`))}
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
    </AdminPage>
  );
}
