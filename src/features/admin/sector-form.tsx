import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextInput } from '@/components/ui/form/fields';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import { domId } from '@/components/ui/form/dom-id';
import { CHART_BACKGROUND, contrastRatio, MIN_SECTOR_CONTRAST, type Sector } from '@/domain/sector';
import { toFieldErrors } from '@/domain/schemas/issues';
import { sectorInput, sectorPatch } from '@/domain/schemas/sector';
import type { FieldError } from '@/domain/validation';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useCreateSector, useUpdateSector } from './sectors-api';

type Values = { id: string; name: { id: string; en: string }; color: string };

const LABEL_KEYS = {
  id: 'sectorsAdmin.id',
  'name.id': 'sectorsAdmin.nameId',
  'name.en': 'sectorsAdmin.nameEn',
  color: 'sectorsAdmin.color',
} as const;

/**
 * Adds a sector, or edits one (names in both languages, colour): checked in the browser with the
 * API's own schema, the colour's contrast with the chart background shown as it is typed. A
 * change someone else saved first (412) is loaded and said, never overwritten.
 */
export function SectorForm({ sector, onDone, onCancel }: { sector?: Sector; onDone: (sector: Sector, message: string) => void; onCancel?: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const create = useCreateSector();
  const update = useUpdateSector();
  const [base, setBase] = useState(sector);
  const [errors, setErrors] = useState<Array<SummaryError & { name: string }>>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [failure, setFailure] = useState('');
  const form = useForm<Values>({
    defaultValues: sector ? { id: sector.id, name: { ...sector.name }, color: sector.color } : { id: '', name: { id: '', en: '' }, color: '' },
  });
  const color = (useWatch({ control: form.control, name: 'color' }) ?? '').trim();
  const ratio = /^#[0-9a-f]{6}$/i.test(color) ? contrastRatio(color, CHART_BACKGROUND) : undefined;
  const errs = Object.fromEntries(errors.map((e) => [e.name, e.message]));
  const prefix = sector ? `sector-edit-${sector.id}` : 'sector-new';

  const show = (fieldErrors: FieldError[]) => {
    const list = fieldErrors
      .filter((e) => e.path in LABEL_KEYS)
      .map((e) => {
        const name = e.path as keyof typeof LABEL_KEYS;
        const message = t(`errors.field.${e.code}`, { ...e.params, defaultValue: e.message });
        return { name, fieldId: domId(name), message: t('form.withLabel', { label: t(LABEL_KEYS[name]), message }) };
      });
    setErrors(list);
    setFocusKey((k) => k + 1);
    return list.length > 0;
  };

  const submit = async (values: Values) => {
    setFailure('');
    const body = { id: values.id.trim(), name: { id: values.name.id.trim(), en: values.name.en.trim() }, color: values.color.trim().toLowerCase() };
    const { id: _id, ...changes } = body;
    const check = base ? sectorPatch.safeParse(changes) : sectorInput.safeParse(body);
    if (!check.success) {
      show(toFieldErrors(check.error));
      return;
    }
    setErrors([]);
    try {
      if (base) {
        const saved = await update.mutateAsync({ sector: base, patch: changes });
        onDone(saved, t('sectorsAdmin.saved', { name: saved.name[locale] }));
      } else {
        const saved = await create.mutateAsync(body);
        form.reset({ id: '', name: { id: '', en: '' }, color: '' });
        onDone(saved, t('sectorsAdmin.added', { name: saved.name[locale] }));
      }
    } catch (error) {
      if (isApiError(error) && error.status === 412 && error.current) {
        const current = error.current as Sector;
        setBase(current);
        form.reset({ id: current.id, name: { ...current.name }, color: current.color });
        setFailure(t('sectorsAdmin.stale'));
      } else if (isApiError(error) && error.fieldErrors.length > 0 && show(error.fieldErrors)) {
        // shown beside the fields
      } else setFailure(t('sectorsAdmin.failed', { reason: describeError(error, t) }));
    }
  };

  const pending = create.isPending || update.isPending;
  return (
    <form className="sector-form" noValidate aria-labelledby={`${prefix}-title`} onSubmit={(e) => void form.handleSubmit(submit)(e)}>
      <h2 id={`${prefix}-title`}>{sector ? t('sectorsAdmin.editTitle', { name: sector.id }) : t('sectorsAdmin.addTitle')}</h2>
      <ErrorSummary errors={errors} focusKey={focusKey} />
      {failure && (
        <p className="save-failed" role="alert">
          {failure}
        </p>
      )}
      {!sector && <TextInput name="id" label={t('sectorsAdmin.id')} hint={t('sectorsAdmin.idHint')} register={form.register} errors={errs} width="half" />}
      <TextInput name="name.id" label={t('sectorsAdmin.nameId')} register={form.register} errors={errs} lang="id" />
      <TextInput name="name.en" label={t('sectorsAdmin.nameEn')} register={form.register} errors={errs} lang="en" />
      <TextInput
        name="color"
        label={t('sectorsAdmin.color')}
        hint={t('sectorsAdmin.colorHint', { min: MIN_SECTOR_CONTRAST })}
        register={form.register}
        errors={errs}
        width="short"
      />
      {ratio !== undefined && (
        <p className="sector-form__preview">
          <span className="sector-swatch" style={{ backgroundColor: color }} aria-hidden="true" />{' '}
          <span style={{ color: ratio >= MIN_SECTOR_CONTRAST ? color : undefined }}>{t('sectorsAdmin.preview')}</span>{' '}
          <span className="hint">{t('sectorsAdmin.contrast', { ratio: ratio.toFixed(1) })}</span>
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={pending || undefined} onClick={(e) => pending && e.preventDefault()}>
          {sector ? t('sectorsAdmin.save') : t('sectorsAdmin.add')}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('sectorsAdmin.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
