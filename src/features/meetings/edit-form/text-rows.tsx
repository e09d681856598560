import { useFieldArray, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextInput } from '@/components/ui/form/fields';
import { AddRowButton, RemoveRowButton } from '@/components/ui/form/row-buttons';

/** The meeting's lists of one text each, as both meeting forms hold them. */
type TextLists = Record<'aims' | 'namesAsReported' | 'outcomes', Array<{ text: string }>>;

/** The words of each list: a row's label and its "remove" (with its number n), and "add". */
const WORDS = {
  aims: { label: 'record.aim', remove: 'record.removeAim', add: 'record.addAim' },
  namesAsReported: { label: 'record.name', remove: 'record.removeName', add: 'record.addName' },
  outcomes: { label: 'visit.outcome', remove: 'visit.removeOutcome', add: 'visit.addOutcome' },
} as const;

type Props<T extends FieldValues> = {
  form: UseFormReturn<T>;
  errors: Record<string, string>;
  name: keyof TextLists;
  /** The add button's id, for the error summary; with `refocus`, it takes the focus after a removal. */
  addId?: string;
  refocus?: boolean;
};

/**
 * One list of texts (aims, names as reported, outcomes): a row per text with its "remove", then
 * "add", which focuses the new row.
 */
export function TextRows<T extends FieldValues>({ form, errors, name, addId, refocus }: Props<T>) {
  const { t } = useTranslation();
  // Every meeting form's values hold these lists; react-hook-form's types cannot see that through T.
  const f = form as unknown as UseFormReturn<TextLists>;
  const rows = useFieldArray({ control: f.control, name });
  const words = WORDS[name];
  const remove = (index: number) => {
    rows.remove(index);
    if (refocus && addId) document.getElementById(addId)?.focus();
  };
  const add = () => {
    rows.append({ text: '' });
    setTimeout(() => f.setFocus(`${name}.${rows.fields.length}.text`), 0);
  };
  return (
    <>
      {rows.fields.map((row, index) => (
        <div className="row-inline" key={row.id}>
          <TextInput name={`${name}.${index}.text`} label={t(words.label, { n: index + 1 })} register={f.register} errors={errors} />
          <RemoveRowButton label={t(words.remove, { n: index + 1 })} onClick={() => remove(index)} />
        </div>
      ))}
      <AddRowButton id={addId} label={t(words.add)} onClick={add} />
    </>
  );
}
