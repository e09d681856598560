import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HomeGovernmentPicker } from '@/reference-data/home-government-picker';
import { Link } from 'react-router';
import type { z } from 'zod';
import { toFieldErrors } from '@/domain/schemas/issues';
import type { FieldError } from '@/domain/validation';
import { ConflictPanel } from '@/components/ui/form/conflict-panel';
import { toIsoDate, type DateParts } from '@/components/ui/form/date-parts';
import { domId } from '@/components/ui/form/dom-id';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import { DraftNotice, LeaveDialog, useFormLifecycle, useRestoredDraft } from '@/components/ui/form/form-lifecycle';
import { CheckboxInput, Checkboxes, DateInput, Radios, SelectInput, TextInput } from '@/components/ui/form/fields';
import { patchOf, type Choice } from '@/components/ui/form/three-way';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useFormat } from '@/lib/use-format';
import { useDrafts } from '@/stores/drafts';
import { invalidateAfterReferenceChange } from './api';
import {
  conflictingFields,
  emptyValues,
  fieldNameFor,
  fromResource,
  resolveValues,
  sameValues,
  toBody,
  toDraft,
  topKeys,
  withoutPersonal,
  type FieldDescriptor,
  type FormValues,
  type ListItem,
} from './model';

type Stored = { id: string; version: number };

export type SaveMode<R extends Stored> =
  | {
      kind: 'create';
      /** Body fields the form does not ask for (the home region, a region's role). */
      fixed: Record<string, unknown>;
      save: (body: Record<string, unknown>, idempotencyKey: string) => Promise<R>;
    }
  | {
      kind: 'edit';
      /** The resource as loaded when the page opened. */
      resource: R;
      /** Its input fields, to check the whole resource the edit would make. */
      inputOf: (resource: R) => Record<string, unknown>;
      /** Sends only the changed fields, against `version` (If-Match). */
      save: (patch: Record<string, unknown>, version: number) => Promise<R>;
    };

export type ResourceFormProps<R extends Stored> = {
  /** Key of this form's draft in the drafts store (one per form: new, or edit of one id). */
  draftKey: string;
  /** The page's title, for the document title (prefixed "Galat:" while errors show). */
  pageTitle: string;
  fields: FieldDescriptor[];
  /** The API's schema for the whole resource (its create schema): one set of rules. */
  schema: z.ZodType;
  mode: SaveMode<R>;
  submitLabel: string;
  /** Called once saved (and queries invalidated); `changed` is false when there was nothing to save. */
  onSaved: (resource: R, changed: boolean) => void;
  /** Where "cancel" goes, and where to look when a lost answer may mean it was saved already. */
  backHref: string;
};

/** What a draft keeps: the values, and for an edit the version (and values) they are based on. */
type ResourceDraft = { values: FormValues; base?: FormValues; version?: number };
type Base<R> = { values: FormValues; version: number; resource: R | undefined };
type Conflict<R> = { base: FormValues; mine: FormValues; theirs: FormValues; current: R };

function newKey(): string {
  return `ref-${crypto.randomUUID()}`;
}

/**
 * A create or edit form for one resource, driven by field descriptors, with the visit form's
 * behaviour: validated on submit with the API's own schema, a GOV.UK error summary, the same
 * message beside each field, API errors on the same fields, a failed save keeping everything,
 * a draft that survives a reload, a question before leaving with unsaved changes, and for an
 * edit, a field-by-field choice when someone else saved first (412).
 */
export function ResourceForm<R extends Stored>({ draftKey, pageTitle, fields, schema, mode, submitLabel, onSaved, backHref }: ResourceFormProps<R>) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const restored = useRestoredDraft<ResourceDraft>(draftKey);
  const [draftNotice, setDraftNotice] = useState(restored !== undefined);
  const initialBase = (): Base<R> =>
    mode.kind === 'edit'
      ? { values: fromResource(fields, mode.resource), version: mode.resource.version, resource: mode.resource }
      : { values: emptyValues(fields), version: 0, resource: undefined };
  // What the edit is based on: the version sent as If-Match and the values it had. A restored
  // draft keeps the version it was typed against, so a newer save by someone else is a 412 to resolve.
  const [startBase] = useState<Base<R>>(() => {
    const start = initialBase();
    if (mode.kind === 'edit' && restored?.values.base && restored.values.version !== undefined)
      return { ...start, values: { ...start.values, ...withoutPersonal(fields, restored.values.base) }, version: restored.values.version };
    return start;
  });
  const base = useRef<Base<R>>(startBase);
  const [conflict, setConflict] = useState<Conflict<R> | undefined>();
  const [choices, setChoices] = useState<Partial<Record<string, Choice>>>({});
  const [errors, setErrors] = useState<Array<SummaryError & { name: string }>>([]);
  const [focusKey, setFocusKey] = useState(0);
  const save = useMutation({ mutationFn: (request: () => Promise<R>) => request() });

  const form = useForm<FormValues>({
    // A draft has no e-mail or phone: those keep what is saved (an edit) or start empty (new).
    defaultValues: { ...startBase.values, ...(restored ? withoutPersonal(fields, restored.values.values) : {}) },
  });
  const { register, control, handleSubmit, getValues, reset } = form;
  const watched = useWatch({ control }) as FormValues;
  const errorByField = useMemo(() => Object.fromEntries(errors.map((e) => [e.name, e.message])), [errors]);

  // --- Drafts, the leave guard, the title and the retry key: the shared form lifecycle. -------
  const hasChanges = () => !sameValues(fields, getValues(), base.current.values);
  const { idempotencyKey, renewIdempotencyKey, isBusy, beginSave, saveFailed, markSaved, saveDraftNow, leaveGuard } = useFormLifecycle({
    form,
    restored,
    newKey,
    hasChanges,
    saveDraft: (key) => {
      if (!hasChanges()) {
        useDrafts.getState().discard(draftKey);
        return;
      }
      useDrafts.getState().save(draftKey, {
        values: {
          values: toDraft(fields, getValues()),
          ...(mode.kind === 'edit' ? { base: toDraft(fields, base.current.values), version: base.current.version } : {}),
        } satisfies ResourceDraft,
        savedAt: new Date().toISOString(),
        idempotencyKey: key,
      });
    },
    pageTitle,
    errorCount: errors.length,
  });

  const handleDiscardDraft = () => {
    useDrafts.getState().discard(draftKey);
    base.current = initialBase();
    reset(base.current.values);
    setErrors([]);
    setDraftNotice(false);
    setTimeout(() => document.getElementById(domId(fields[0]?.name ?? ''))?.focus(), 0);
  };

  // --- Errors: one wording for the summary and beside the field. ------------------------------
  const showErrors = (fieldErrors: FieldError[]) => {
    const seen = new Set<string>();
    const list: Array<SummaryError & { name: string }> = [];
    for (const e of fieldErrors) {
      const { name, descriptor } = fieldNameFor(fields, e.path);
      if (seen.has(name)) continue;
      seen.add(name);
      const message = t(`errors.field.${e.code}`, { ...e.params, defaultValue: e.message });
      const index = /\.(\d+)\.text$/.exec(name)?.[1];
      const label =
        descriptor?.kind === 'list' && index !== undefined ? descriptor.itemLabel(Number(index) + 1) : (descriptor?.label ?? e.path);
      list.push({ name, fieldId: name.endsWith('-add') ? name : domId(name), message: t('form.withLabel', { label, message }) });
    }
    // The summary follows the page, top to bottom, like the fields it points to.
    const order = (name: string) => fields.findIndex((d) => name === d.name || name.startsWith(`${d.name}.`) || name === `${d.name}-add`);
    list.sort((a, b) => order(a.name) - order(b.name));
    setErrors(list);
    setFocusKey((k) => k + 1);
  };

  // --- Submit: check the whole resource with the API's schema, then POST or PATCH. ----------
  const submit = async (values: FormValues) => {
    if (isBusy()) return;
    const body = toBody(fields, values);
    let whole: Record<string, unknown>;
    if (mode.kind === 'create') whole = { ...mode.fixed, ...body };
    else {
      const stored = mode.inputOf(base.current.resource ?? mode.resource);
      for (const key of topKeys(fields)) delete stored[key];
      whole = { ...stored, ...body };
    }
    const check = schema.safeParse(whole, { reportInput: true });
    if (!check.success) {
      showErrors(toFieldErrors(check.error));
      return;
    }
    setErrors([]);
    beginSave();
    saveDraftNow();
    const edit = mode.kind === 'edit' ? { version: base.current.version, patch: patchOf(topKeys(fields), toBody(fields, base.current.values), body) } : undefined;
    if (mode.kind === 'edit' && edit && Object.keys(edit.patch).length === 0) {
      markSaved();
      useDrafts.getState().discard(draftKey);
      onSaved(base.current.resource ?? mode.resource, false);
      return;
    }
    try {
      const saved = await save.mutateAsync(() =>
        mode.kind === 'create' ? mode.save(whole, idempotencyKey()) : mode.save(edit?.patch ?? {}, edit?.version ?? 0),
      );
      markSaved();
      useDrafts.getState().discard(draftKey);
      await invalidateAfterReferenceChange(queryClient);
      onSaved(saved, true);
    } catch (error) {
      saveFailed();
      if (!isApiError(error)) return;
      if (error.status === 412 && error.current && mode.kind === 'edit') {
        // Someone saved first: keep both versions and let the user choose, field by field.
        const current = error.current as R;
        setConflict({ base: base.current.values, mine: values, theirs: fromResource(fields, current), current });
        setChoices({});
      } else if (error.status === 400 && error.fieldErrors.length > 0) showErrors(error.fieldErrors);
    }
  };

  const handleResolve = async () => {
    if (!conflict) return;
    const resolved = resolveValues(fields, conflict.base, conflict.mine, conflict.theirs, choices);
    base.current = { values: conflict.theirs, version: conflict.current.version, resource: conflict.current };
    reset(resolved);
    setConflict(undefined);
    save.reset();
    await submit(resolved);
  };

  /** After a lost answer the first attempt may have been saved; the user decides to save as new. */
  const handleSaveAsNew = () => {
    renewIdempotencyKey();
    saveDraftNow();
    void handleSubmit(submit)();
  };

  // --- Showing values in the conflict table. ---------------------------------------------------
  const show = (d: FieldDescriptor, value: FormValues[string] | undefined): string => {
    const empty = t('visit.empty');
    switch (d.kind) {
      case 'checkboxes':
        return (value as string[]).map((v) => d.options.find((o) => o.value === v)?.label ?? v).join(', ') || empty;
      case 'select':
      case 'radios':
        return d.options.find((o) => o.value === value)?.label ?? (value ? String(value) : empty);
      case 'boolean':
        return value === true ? t('reference.yes') : t('reference.no');
      case 'date': {
        const iso = toIsoDate(value as DateParts);
        return iso ? (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? format.date(iso, 'full') : iso) : empty;
      }
      case 'list':
        return (value as ListItem[]).map((i) => i.text.trim()).filter(Boolean).join(' · ') || empty;
      default:
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : empty;
    }
  };

  const failure =
    save.isError &&
    !(
      isApiError(save.error) &&
      ((save.error.status === 412 && save.error.current !== undefined) || (save.error.status === 400 && save.error.fieldErrors.length > 0))
    );
  const maybeSaved = failure && isApiError(save.error) && save.error.status === 422;
  const reg = register;
  const errs = errorByField;

  return (
    <>
      {conflict && (
        <ConflictPanel
          title={t('reference.conflictTitle')}
          body={t('reference.conflictBody')}
          rows={conflictingFields(fields, conflict.base, conflict.mine, conflict.theirs).map((name) => {
            const d = fields.find((f) => f.name === name) as FieldDescriptor;
            const lang = d.kind === 'text' ? d.lang?.(conflict.theirs) : undefined;
            return { field: name, label: d.label, mine: show(d, conflict.mine[name]), theirs: show(d, conflict.theirs[name]), lang };
          })}
          choices={choices}
          onChoose={(field, choice) => setChoices((c) => ({ ...c, [field]: choice }))}
          onSave={() => void handleResolve()}
        />
      )}

      <form className="visit-form" noValidate onSubmit={(e) => void handleSubmit(submit)(e)} hidden={conflict !== undefined}>
        <ErrorSummary errors={errors} focusKey={focusKey} />

        {draftNotice && restored && <DraftNotice savedAt={restored.savedAt} onDiscard={handleDiscardDraft} />}

        {failure &&
          (maybeSaved ? (
            <div className="save-failed" role="alert" aria-labelledby="save-failed-title">
              <h2 className="save-failed__title" id="save-failed-title">
                {t('reference.maybeSaved')}
              </h2>
              <p>{t('reference.maybeSavedBody')}</p>
              <p>
                <Link to={backHref} target="_blank" rel="noopener">
                  {t('reference.maybeSavedCheck')}
                </Link>
              </p>
              <button type="button" className="button button--secondary" onClick={handleSaveAsNew}>
                {t('reference.saveAsNew')}
              </button>
            </div>
          ) : (
            <div className="save-failed" role="alert" aria-labelledby="save-failed-title">
              <h2 className="save-failed__title" id="save-failed-title">
                {t('reference.saveFailed')}
              </h2>
              <p>{describeError(save.error, t)}</p>
              <p>{t('visit.saveFailedKeep')}</p>
              <button type="submit" className="button">
                {t('visit.retry')}
              </button>
            </div>
          ))}

        {fields.map((d) => (
          <Fragment key={d.name}>
            {d.section && <h2 className="subheading">{d.section}</h2>}
            <Field descriptor={d} register={reg} control={control} errors={errs} values={watched} />
          </Fragment>
        ))}

        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={save.isPending || undefined} onClick={(e) => save.isPending && e.preventDefault()}>
            {save.isPending ? t('visit.saving') : submitLabel}
          </button>
          <Link to={backHref} className="button button--secondary">
            {t('reference.cancel')}
          </Link>
        </div>

        <LeaveDialog {...leaveGuard} />
      </form>
    </>
  );
}

type FieldProps = {
  descriptor: FieldDescriptor;
  register: UseFormRegister<FormValues>;
  control: Control<FormValues>;
  errors: Record<string, string>;
  values: FormValues;
};

function Field({ descriptor: d, register, control, errors, values }: FieldProps) {
  const { t } = useTranslation();
  const common = { name: d.name, register, errors, ...(d.hint ? { hint: d.hint } : {}) };
  switch (d.kind) {
    case 'text': {
      const lang = d.lang?.(values);
      return (
        <TextInput
          {...common}
          label={d.label}
          optional={d.optional}
          width={d.width}
          {...(d.inputMode ? { inputMode: d.inputMode } : {})}
          {...(d.autoComplete ? { autoComplete: d.autoComplete } : {})}
          {...(lang ? { lang } : {})}
        />
      );
    }
    case 'textarea':
      return <TextInput {...common} label={d.label} optional={d.optional} multiline />;
    case 'select':
      if (d.homeGovernment) {
        const governments = d.options.map((o) => ({ id: o.value, name: o.label }));
        return <HomeGovernmentPicker name={d.name} register={register} errors={errors} governments={governments} />;
      }
      return <SelectInput {...common} label={d.label} optional={d.optional} options={d.options} />;
    case 'radios':
      return <Radios {...common} legend={d.label} options={d.options} />;
    case 'checkboxes':
      return <Checkboxes {...common} legend={d.label} options={d.options} />;
    case 'date':
      return <DateInput {...common} legend={d.optional ? `${d.label} (${t('form.optional')})` : d.label} />;
    case 'boolean':
      return <CheckboxInput {...common} label={d.label} />;
    case 'list':
      return <ListField descriptor={d} register={register} control={control} errors={errors} />;
  }
}

/** A list of short texts: one input per item, with add and remove buttons that keep focus sensible. */
function ListField({
  descriptor: d,
  register,
  control,
  errors,
}: {
  descriptor: Extract<FieldDescriptor, { kind: 'list' }>;
  register: UseFormRegister<FormValues>;
  control: Control<FormValues>;
  errors: Record<string, string>;
}) {
  // The form's values are a record of field kinds; a list field holds `{ text }` rows.
  const rows = useFieldArray({ control: control as unknown as Control<Record<string, ListItem[]>>, name: d.name });
  return (
    <div className="form-group">
      <h3 className="subheading">{d.label}</h3>
      {d.hint && <p className="hint">{d.hint}</p>}
      {rows.fields.map((row, index) => (
        <div className="row-inline" key={row.id}>
          <TextInput name={`${d.name}.${index}.text`} label={d.itemLabel(index + 1)} register={register} errors={errors} />
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              rows.remove(index);
              document.getElementById(`${d.name}-add`)?.focus();
            }}
          >
            {d.removeLabel(index + 1)}
          </button>
        </div>
      ))}
      <button
        type="button"
        id={`${d.name}-add`}
        className="button button--secondary"
        onClick={() => {
          rows.append({ text: '' });
          setTimeout(() => document.getElementById(domId(`${d.name}.${rows.fields.length}.text`))?.focus(), 0);
        }}
      >
        {d.addLabel}
      </button>
    </div>
  );
}
