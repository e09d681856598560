import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RECORDED_MEETING_KINDS, type Meeting } from '@/domain/meeting';
import { offeredSectors } from '@/domain/sector';
import { toFieldErrors } from '@/domain/schemas/issues';
import { meetingInput } from '@/domain/schemas/meeting';
import type { FieldError } from '@/domain/validation';
import { ConflictPanel } from '@/components/ui/form/conflict-panel';
import type { Choice } from '@/components/ui/form/three-way';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useFormat } from '@/lib/use-format';
import { referenceQueries } from '@/reference-data/queries';
import { useLabels } from '@/reference-data/use-labels';
import { useUpdateMeeting } from '../api/mutations';
import { domId } from '@/components/ui/form/dom-id';
import { Checkboxes, DateInput, Radios, SelectInput, TextInput } from '@/components/ui/form/fields';
import { meetingFieldLabels, RecordFields, reportedFieldLabel } from './record-fields';
import { TextRows } from './text-rows';
import {
  applyEdit,
  conflictingFields,
  fromMeeting,
  patchBetween,
  resolve,
  type EditableField,
  type EditValues,
} from './model';

type Conflict = { base: Meeting; mine: Meeting; theirs: Meeting };

function fieldNameFor(apiPath: string): string {
  const [first, second] = apiPath.split('.');
  if (first === 'date') return 'date.day';
  if (first === 'outcomes' && second !== undefined) return `outcomes.${second}.text`;
  if (first === 'source') return `source.${second ?? 'url'}`;
  // Lists of text (aims, names as reported) are edited as rows of { text }.
  if ((first === 'aims' || first === 'namesAsReported') && second !== undefined) return `${first}.${second}.text`;
  // Participants, statements and delegation sizes keep the API's paths.
  if (first === 'participants' || first === 'statements' || first === 'delegationSize') return apiPath;
  return first ?? 'title';
}

/**
 * Edits a meeting against the version it was loaded at. When someone else saved first (412),
 * both versions are shown side by side, field by field, and the user chooses; nothing typed is
 * lost on the way.
 */
export function MeetingEditForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const navigate = useNavigate();
  const people = useQuery(referenceQueries.allPeople());
  const update = useUpdateMeeting(meeting.id);
  const [base, setBase] = useState(meeting);
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [choices, setChoices] = useState<Partial<Record<string, Choice>>>({});
  const [errors, setErrors] = useState<Array<SummaryError & { name: string }>>([]);
  const [focusKey, setFocusKey] = useState(0);
  const form = useForm<EditValues>({ defaultValues: fromMeeting(meeting) });
  const { register, handleSubmit } = form;
  const errorByField = useMemo(() => Object.fromEntries(errors.map((e) => [e.name, e.message])), [errors]);

  useEffect(() => {
    document.title = `${errors.length > 0 ? `${t('form.errorPrefix')}: ` : ''}${t('visit.editTitle')} — ${t('app.titleSuffix')}`;
  }, [errors.length, t]);

  const labelOf = (name: string): string => {
    const [first, second] = name.split('.');
    const known: Record<string, string> = {
      ...meetingFieldLabels(t),
      hostLeadId: t('visit.hostLead'),
      delegationLeadId: t('visit.delegationLead'),
      outcomes: second !== undefined ? t('visit.outcome', { n: Number(second) + 1 }) : t('visit.outcomes'),
      source: t('visit.sections.source'),
    };
    const n = Number(second) + 1;
    if (first === 'participants' && second !== undefined) return t('visit.participant', { n });
    if (first === 'statements' && second !== undefined) return t('visit.statement', { n });
    const reported = reportedFieldLabel(t, name);
    if (reported !== undefined) return reported;
    return first === 'source' && second ? (known[second] ?? second) : (known[first ?? ''] ?? name);
  };

  const showErrors = (fieldErrors: FieldError[]) => {
    const seen = new Set<string>();
    const list: Array<SummaryError & { name: string }> = [];
    for (const e of fieldErrors) {
      const name = fieldNameFor(e.path);
      if (seen.has(name)) continue;
      seen.add(name);
      const message = t(`errors.field.${e.code}`, { ...e.params, defaultValue: e.message });
      list.push({ name, fieldId: domId(name), message: t('form.withLabel', { label: labelOf(name), message }) });
    }
    setErrors(list);
    setFocusKey((k) => k + 1);
  };

  const send = async (from: Meeting, next: Meeting) => {
    const patch = patchBetween(from, next);
    if (Object.keys(patch).length === 0) {
      void navigate(`/meetings/${encodeURIComponent(meeting.id)}`);
      return;
    }
    try {
      await update.mutateAsync({ patch, version: from.version });
      void navigate(`/meetings/${encodeURIComponent(meeting.id)}`, { state: { saved: true } });
    } catch (error) {
      if (isApiError(error) && error.status === 412 && error.current) {
        // Someone saved first: compare, keep both versions, let the user choose.
        setConflict({ base: from, mine: next, theirs: error.current as Meeting });
        setChoices({});
      } else if (isApiError(error) && error.status === 400) showErrors(error.fieldErrors);
    }
  };

  const handleSave = async (values: EditValues) => {
    const next = applyEdit(base, values);
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = next;
    const check = meetingInput.safeParse(fields, { reportInput: true });
    if (!check.success) {
      showErrors(toFieldErrors(check.error));
      return;
    }
    setErrors([]);
    await send(base, next);
  };

  const handleResolve = async () => {
    if (!conflict) return;
    const resolved = resolve(conflict.base, conflict.mine, conflict.theirs, choices);
    setBase(conflict.theirs);
    form.reset(fromMeeting(resolved));
    setConflict(undefined);
    await send(conflict.theirs, resolved);
  };

  const show = (field: EditableField, m: Meeting): string => {
    const empty = t('visit.empty');
    const v = m[field];
    switch (field) {
      case 'kind':
        return t(`enums.meetingKind.${m.kind}`);
      case 'date':
        return format.date(m.date, 'full');
      case 'sectorIds':
        return m.sectorIds.map(labels.sector).join(', ') || empty;
      case 'facilitatorIds':
        return m.facilitatorIds.map(labels.organization).join(', ') || empty;
      case 'hostLeadId':
      case 'delegationLeadId':
        return people.data?.items.find((p) => p.id === v)?.name ?? (typeof v === 'string' ? v : empty);
      case 'outcomes':
        return m.outcomes.join(' · ') || empty;
      case 'source':
        return [m.source?.url, m.source?.publisher, m.source?.dateAsReported].filter(Boolean).join(' · ') || empty;
      case 'aims':
        return m.aims.join(' · ') || empty;
      case 'namesAsReported':
        return (m.namesAsReported ?? []).join(' · ') || empty;
      case 'delegationSize':
        return (
          (['host', 'guest'] as const)
            .filter((side) => m.delegationSize?.[side])
            .map((side) => `${t(`record.delegationOf.${side}`)}: ${m.delegationSize?.[side]?.people ?? ''}${m.delegationSize?.[side]?.countries ? ` / ${m.delegationSize[side].countries}` : ''}`)
            .join(' · ') || empty
        );
      case 'participants':
        return m.participants.map((p) => `${t(`enums.side.${p.side}`)}: ${people.data?.items.find((x) => x.id === p.personId)?.name ?? (p.organizationId ? labels.organization(p.organizationId) : '')} ${p.description ?? ''}`.trim()).join(' · ') || empty;
      case 'statements':
        return m.statements.map((st) => `${st.speaker ?? people.data?.items.find((x) => x.id === st.personId)?.name ?? ''}: ${st.text}`).join(' · ') || empty;
      default:
        return typeof v === 'string' && v !== '' ? v : empty;
    }
  };

  const reg = register;
  const errs = errorByField;
  const conflicts = conflict ? conflictingFields(conflict.base, conflict.mine, conflict.theirs) : [];
  const failure =
    update.isError && !(isApiError(update.error) && (update.error.status === 412 || update.error.status === 400));
  const peopleOptions = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.position ? `${p.name}, ${p.position}` : p.name }));
  // A retired sector is offered only where the meeting names it already (it keeps it).
  const sectorOptions = offeredSectors(labels.maps.sectors.values(), base.sectorIds).map((s) => ({ value: s.id, label: labels.sector(s.id) }));
  const orgOptions = [...labels.maps.organizations.values()].map((o) => ({ value: o.id, label: labels.organization(o.id) }));

  return (
    <>
      {conflict && (
        <ConflictPanel
          title={t('visit.conflictTitle')}
          body={t('visit.conflictBody')}
          rows={conflicts.map((field) => ({ field, label: labelOf(field), mine: show(field, conflict.mine), theirs: show(field, conflict.theirs) }))}
          choices={choices}
          onChoose={(field, choice) => setChoices((c) => ({ ...c, [field]: choice }))}
          onSave={() => void handleResolve()}
        />
      )}

      <form className="visit-form" noValidate onSubmit={(e) => void handleSubmit(handleSave)(e)} hidden={conflict !== undefined}>
        <ErrorSummary errors={errors} focusKey={focusKey} />
        {failure && (
          <div className="save-failed" role="alert">
            <h2 className="save-failed__title">{t('visit.saveFailed')}</h2>
            <p>{describeError(update.error, t)}</p>
            <p>{t('visit.saveFailedKeep')}</p>
          </div>
        )}
        <Radios name="kind" legend={t('visit.kind')} register={reg} errors={errs} options={RECORDED_MEETING_KINDS.map((k) => ({ value: k, label: t(`enums.meetingKind.${k}`) }))} />
        <TextInput name="title" label={t('visit.meetingTitle')} register={reg} errors={errs} />
        <DateInput name="date" legend={t('visit.date')} hint={t('visit.dateHint')} register={reg} errors={errs} />
        <div className="form-row">
          <TextInput name="time" label={t('visit.time')} hint={t('visit.timeHint')} register={reg} errors={errs} optional width="short" />
          <TextInput name="timeZone" label={t('visit.timeZone')} register={reg} errors={errs} width="half" />
        </div>
        <TextInput name="place" label={t('visit.place')} register={reg} errors={errs} optional />
        <SelectInput name="hostLeadId" label={t('visit.hostLead')} register={reg} errors={errs} optional options={peopleOptions} />
        <SelectInput name="delegationLeadId" label={t('visit.delegationLead')} register={reg} errors={errs} optional options={peopleOptions} />
        <Checkboxes name="facilitatorIds" legend={t('visit.facilitators')} register={reg} errors={errs} options={orgOptions} />
        <Checkboxes name="sectorIds" legend={t('visit.sectors')} register={reg} errors={errs} options={sectorOptions} />
        <TextInput name="summary" label={t('visit.summary')} register={reg} errors={errs} optional multiline />
        <h2 className="subheading">{t('visit.outcomes')}</h2>
        <TextRows form={form} errors={errs} name="outcomes" />
        <RecordFields form={form} errors={errs} peopleOptions={peopleOptions} orgOptions={orgOptions} />
        <TextInput name="source.url" label={t('visit.sourceUrl')} hint={t('visit.sourceUrlHint')} register={reg} errors={errs} optional />
        <TextInput name="source.publisher" label={t('visit.publisher')} register={reg} errors={errs} optional width="half" />
        <TextInput name="source.dateAsReported" label={t('visit.dateAsReported')} register={reg} errors={errs} optional width="half" />
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={update.isPending || undefined} onClick={(e) => update.isPending && e.preventDefault()}>
            {update.isPending ? t('visit.saving') : t('visit.submitEdit')}
          </button>
        </div>
      </form>
    </>
  );
}
