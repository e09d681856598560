import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/data-table';
import { ErrorSummary } from '@/components/ui/form/error-summary';
import { RESOURCE_FIELDS, type ImportResource } from '@/domain/import/fields';
import { mappingProblems, setColumnField, type Mapping } from '@/domain/import/mapping';
import { columnLetter } from '@/domain/import/problems';
import { fieldLabel, mappingProblemMessage } from '../messages';

const selectId = (column: number) => `import-map-${column}`;

type Props = {
  resource: ImportResource;
  mapping: Mapping;
  /** The first data row, by column (from the local check), as an example. */
  sample: readonly string[];
  onChange: (mapping: Mapping) => void;
  onSubmit: () => void;
  busy: boolean;
  focusKey: number;
};

/** Step 2: each column of the file → a field of the resource (or not imported). */
export function MappingStep({
  resource,
  mapping,
  sample,
  onChange,
  onSubmit,
  busy,
  focusKey,
}: Props) {
  const { t } = useTranslation();
  const fields = RESOURCE_FIELDS[resource];
  const problems = mappingProblems(resource, mapping);
  const firstColumn = mapping[0]?.column ?? 0;
  const summary = problems.map((problem) => ({
    fieldId: selectId(problem.columns?.[1] ?? problem.columns?.[0] ?? firstColumn),
    message: mappingProblemMessage(t, problem),
  }));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <p>{t('import.page.mapping.intro')}</p>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <DataTable
        caption={t('import.page.mapping.caption')}
        columns={[
          t('import.page.mapping.column'),
          t('import.page.mapping.header'),
          t('import.page.mapping.example'),
          t('import.page.mapping.field'),
        ]}
      >
        {mapping.map((entry) => (
          <tr key={entry.column}>
            <td>{columnLetter(entry.column)}</td>
            <th scope="row">{entry.header}</th>
            <td className="import-sample">{sample[entry.column] ?? ''}</td>
            <td>
              <select
                id={selectId(entry.column)}
                className="select select--compact"
                aria-label={t('import.page.mapping.fieldOf', { header: entry.header })}
                aria-describedby={`${selectId(entry.column)}-source`}
                value={entry.field ?? ''}
                disabled={busy}
                onChange={(event) =>
                  onChange(setColumnField(mapping, entry.column, event.currentTarget.value || null))
                }
              >
                <option value="">{t('import.fields.notImported')}</option>
                {fields.map((field) => (
                  <option key={field.key} value={field.key}>
                    {field.required
                      ? t('import.page.mapping.required', { field: fieldLabel(t, field.key) })
                      : fieldLabel(t, field.key)}
                  </option>
                ))}
              </select>
              <div className="hint" id={`${selectId(entry.column)}-source`}>
                {t(
                  `import.page.mapping.source.${entry.field === null && entry.source !== 'user' ? 'none' : entry.source}`,
                )}
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('import.page.mapping.submit')}
        </button>
      </div>
    </form>
  );
}
