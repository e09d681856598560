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

/** The two columns of radios, in order, and the words each says it keeps. */
const CHOICES = ['mine', 'theirs'] as const;
const KEEP = { mine: 'visit.keepMine', theirs: 'visit.keepTheirs' } as const;

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
              {CHOICES.map((choice) => (
                <td key={choice}>
                  <label className="radios__item">
                    <input
                      type="radio"
                      className="radios__input"
                      name={`choice-${row.field}`}
                      checked={(choices[row.field] === 'mine') === (choice === 'mine')}
                      onChange={() => onChoose(row.field, choice)}
                    />
                    <span>
                      <span lang={row.lang}>{row[choice]}</span> <span className="visually-hidden">({t(KEEP[choice])})</span>
                    </span>
                  </label>
                </td>
              ))}
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
