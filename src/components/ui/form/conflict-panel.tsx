import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/data-table';
import type { Choice } from './three-way';

export type ConflictRow = {
  /** The field's key; also names the pair of radios. */
  field: string;
  label: string;
  /** Both versions as a reader sees them. */
  mine: string;
  theirs: string;
  /** Language of the values when not the page's (a local-script name). */
  lang?: string | undefined;
};

type ConflictPanelProps = {
  title: string;
  body: string;
  rows: ConflictRow[];
  choices: Partial<Record<string, Choice>>;
  onChoose: (field: string, choice: Choice) => void;
  onSave: () => void;
  /** Needs the 'forms' locale part (column headings and the save button). */
  saveLabel?: string;
};

/**
 * Someone saved first (412): both versions side by side, one pair of radios per field that
 * differs, "theirs" chosen until the user picks theirs own. Nothing is lost until they choose.
 */
export function ConflictPanel({ title, body, rows, choices, onChoose, onSave, saveLabel }: ConflictPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{title}</h2>
      <p>{body}</p>
      {rows.length > 0 && (
        <DataTable caption={title} noCaption columns={[t('visit.conflictField'), t('visit.conflictMine'), t('visit.conflictTheirs')]}>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{row.label}</th>
              <td>
                <label className="radios__item">
                  <input
                    type="radio"
                    className="radios__input"
                    name={`choice-${row.field}`}
                    checked={choices[row.field] === 'mine'}
                    onChange={() => onChoose(row.field, 'mine')}
                  />
                  <span>
                    <span lang={row.lang}>{row.mine}</span> <span className="visually-hidden">({t('visit.keepMine')})</span>
                  </span>
                </label>
              </td>
              <td>
                <label className="radios__item">
                  <input
                    type="radio"
                    className="radios__input"
                    name={`choice-${row.field}`}
                    checked={choices[row.field] !== 'mine'}
                    onChange={() => onChoose(row.field, 'theirs')}
                  />
                  <span>
                    <span lang={row.lang}>{row.theirs}</span> <span className="visually-hidden">({t('visit.keepTheirs')})</span>
                  </span>
                </label>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <button type="button" className="button" onClick={onSave}>
        {saveLabel ?? t('visit.conflictSave')}
      </button>
    </section>
  );
}
