import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { QueryState } from '@/components/ui/query-state';
import { EmptyState, ErrorState } from '@/components/ui/states';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import type { ImportConflict, ImportList, ImportSummary } from '@/domain/import/api';
import { describeError } from '@/lib/describe-error';
import { useFormat } from '@/lib/use-format';
import { importsQuery, ImportApiError, refreshAfterImport, undoImport } from '../api';

/** Where a record that blocks an undo can be seen (the ones with a page of their own). */
function conflictHref(conflict: ImportConflict): string | undefined {
  const id = encodeURIComponent(conflict.id);
  switch (conflict.entity) {
    case 'partnership':
      return `/partners/${id}`;
    case 'meeting':
      return `/meetings/${id}`;
    case 'followUp':
      return `/follow-ups/${id}`;
    case 'person':
      return `/people/${id}/edit`;
    case 'region':
      return `/regions/${id}/edit`;
    case 'organization':
      return `/organizations/${id}/edit`;
    default:
      return undefined;
  }
}

type Outcome =
  | { kind: 'done'; text: string }
  | { kind: 'conflict'; file: string; conflicts: ImportConflict[] }
  | { kind: 'failed'; text: string };

/** The imports so far (who, when, file, counts, status), each committed one with "Urungkan". */
export function ImportHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const imports = useInfiniteQuery(importsQuery());
  const [confirming, setConfirming] = useState<ImportSummary | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const undo = async (item: ImportSummary) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await undoImport(item.id);
      setOutcome({
        kind: 'done',
        text: t('import.page.undo.done', {
          file: item.fileName,
          removed: result.removed,
          restored: result.restored,
        }),
      });
      void refreshAfterImport(queryClient);
    } catch (error) {
      if (error instanceof ImportApiError && error.status === 409 && error.conflicts.length > 0) {
        setOutcome({ kind: 'conflict', file: item.fileName, conflicts: error.conflicts });
      } else {
        setOutcome({
          kind: 'failed',
          text: t('import.page.undo.failed', { reason: describeError(error, t) }),
        });
      }
      void queryClient.invalidateQueries({ queryKey: importsQuery().queryKey });
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  };

  return (
    <section aria-labelledby="import-history-title" className="import-history">
      <h2 id="import-history-title">{t('import.page.history.title')}</h2>
      <p>{t('import.page.history.intro')}</p>

      <div role="status">
        {outcome?.kind === 'done' && (
          <p className="notification notification--success">{outcome.text}</p>
        )}
      </div>
      {outcome?.kind === 'failed' && (
        <div className="save-failed" role="alert">
          <p>{outcome.text}</p>
        </div>
      )}
      {outcome?.kind === 'conflict' && (
        <div className="save-failed" role="alert" aria-labelledby="import-undo-conflict">
          <h3 className="save-failed__title" id="import-undo-conflict">
            {t('import.page.undo.conflictTitle')}
          </h3>
          <p>{t('import.page.undo.conflictBody')}</p>
          <ul className="list list--bullet">
            {outcome.conflicts.map((conflict) => {
              const href = conflictHref(conflict);
              const text = `${t(`import.page.entities.${conflict.entity}`)}: ${conflict.label}`;
              return (
                <li key={`${conflict.entity}-${conflict.id}`}>
                  {href ? <Link to={href}>{text}</Link> : text}
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <QueryState query={imports}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <EmptyState>{t('import.page.history.empty')}</EmptyState>
          ) : (
            <DataTable
              caption={t('import.page.history.caption')}
              columns={[
                t('import.page.history.file'),
                t('import.page.history.resource'),
                t('import.page.history.who'),
                t('import.page.history.when'),
                t('import.page.history.counts'),
                t('import.page.history.status'),
                t('import.page.history.actions'),
              ]}
            >
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" className="import-file-name">
                    {item.fileName}
                  </th>
                  <td>{t(`import.resources.${item.resource}`)}</td>
                  <td>{item.createdBy.name}</td>
                  <td className="nowrap">{format.dateTime(item.committedAt ?? item.createdAt)}</td>
                  <td>
                    {item.counts
                      ? t('import.page.history.countsText', item.counts)
                      : t('import.page.history.rowsText', {
                          rows: item.rows,
                          invalid: item.invalid,
                        })}
                  </td>
                  <td>
                    {t(`import.page.history.statuses.${item.status}`)}
                    {item.undoneBy && (
                      <div className="hint">
                        {t('import.page.history.undoneBy', { name: item.undoneBy.name })}
                      </div>
                    )}
                  </td>
                  <td>
                    {item.status === 'committed' && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('import.page.history.undoOf', { file: item.fileName })}
                        disabled={busy}
                        onClick={() => setConfirming(item)}
                      >
                        {t('import.page.history.undo')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          );
        }}
      </QueryState>
      <MoreImports query={imports} />

      {confirming && (
        <UndoDialog
          item={confirming}
          busy={busy}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void undo(confirming)}
        />
      )}
    </section>
  );
}

function UndoDialog({
  item,
  busy,
  onCancel,
  onConfirm,
}: {
  item: ImportSummary;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="import-undo-title"
      aria-describedby="import-undo-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="import-undo-title" className="dialog__title">
        {t('import.page.undo.title', { file: item.fileName })}
      </h2>
      <p id="import-undo-body">{t('import.page.undo.body')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button--warning"
          disabled={busy}
          onClick={onConfirm}
        >
          {t('import.page.undo.confirm')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onCancel}
          autoFocus
        >
          {t('import.page.undo.cancel')}
        </button>
      </div>
    </dialog>
  );
}

type PagedImports = {
  data: { pages: ImportList[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<{ hasNextPage: boolean }>;
};

/**
 * "Muat lebih banyak" under the history while older imports remain (the API pages by a keyset
 * cursor; the history has no total). Never disabled: focus stays on it while the page loads;
 * when the last page arrives and the button goes, focus moves to the line that says so.
 */
function MoreImports({ query }: { query: PagedImports }) {
  const { t } = useTranslation();
  const [ended, setEnded] = useState(false);
  const endRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (ended) endRef.current?.focus();
  }, [ended]);
  if (!query.data || (!query.hasNextPage && !ended)) return null;
  const more = async () => {
    if (query.isFetchingNextPage) return;
    const result = await query.fetchNextPage();
    if (!result.hasNextPage) setEnded(true);
  };
  return (
    <div className="load-more">
      {query.isFetchNextPageError && <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage ? (
        <button type="button" className="button button--secondary" onClick={() => void more()} aria-disabled={query.isFetchingNextPage || undefined}>
          {query.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      ) : (
        <p className="hint" role="status" tabIndex={-1} ref={endRef}>
          {t('import.page.history.allShown')}
        </p>
      )}
    </div>
  );
}
