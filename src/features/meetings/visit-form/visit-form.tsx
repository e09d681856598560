import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FOLLOW_UP_STATUSES, PRIORITIES, type FollowUpStatus } from '@/domain/follow-up';
import { MEETING_KINDS, PARTICIPANT_SIDES } from '@/domain/meeting';
import { PARTNERSHIP_TYPES } from '@/domain/partnership';
import { REGION_LEVELS } from '@/domain/region';
import { meetingCreate } from '@/domain/schemas/meeting';
import { toFieldErrors } from '@/domain/schemas/issues';
import type { FieldError } from '@/domain/validation';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import { DraftNotice, LeaveDialog, useFormLifecycle, useRestoredDraft } from '@/components/ui/form/form-lifecycle';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useFormat } from '@/lib/use-format';
import { newIdempotencyKey, useDrafts } from '@/stores/drafts';
import { useLabels } from '@/reference-data/use-labels';
import { referenceQueries } from '@/reference-data/queries';
import { partnershipQueries } from '@/features/partners';
import { useLogVisit } from '../api/mutations';
import { visitFieldLabel } from './field-labels';
import { Checkboxes, DateInput, Radios, SelectInput, TextInput } from '@/components/ui/form/fields';
import {
  domId,
  emptyFollowUp,
  emptyParticipant,
  emptyVisit,
  fieldIdFor,
  NEW_PERSON,
  toDraft,
  toMeetingCreate,
  type VisitFormValues,
} from './model';

export const VISIT_DRAFT_KEY = 'visit:new';
const PROGRESS_STATUSES = FOLLOW_UP_STATUSES.filter((s) => s !== 'open' && s !== 'blocked');

type SavedState = { saved: true };

/**
 * "Catat kunjungan": the whole visit in one form. Validated on submit with the API's own schema,
 * errors summarised GOV.UK-style, autosaved as a draft, saved in one idempotent request.
 *
 * The form mounts once the lists it picks from are loaded, so a restored draft's choices
 * (partnership, people, owners) find their options.
 */
export function VisitForm() {
  const needed = [
    useQuery(partnershipQueries.list()),
    useQuery(referenceQueries.allPeople()),
    useQuery(referenceQueries.sectors()),
    useQuery(referenceQueries.users()),
    useQuery(referenceQueries.regions()),
    useQuery(referenceQueries.organizations()),
  ];
  const failed = needed.find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => needed.forEach((q) => void q.refetch())} />;
  if (needed.some((q) => q.isPending)) return <LoadingState />;
  return <VisitFormFields />;
}

function VisitFormFields() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const navigate = useNavigate();
  const restored = useRestoredDraft<VisitFormValues>(VISIT_DRAFT_KEY);
  const [draftNotice, setDraftNotice] = useState(restored !== undefined);
  const [lastSaved, setLastSaved] = useState<string | undefined>(restored?.savedAt);
  const [errors, setErrors] = useState<Array<SummaryError & { name: string }>>([]);
  const [focusKey, setFocusKey] = useState(0);
  const create = useLogVisit();

  const form = useForm<VisitFormValues>({ defaultValues: { ...emptyVisit(), ...restored?.values } });
  const { register, control, handleSubmit, getValues, reset, setFocus } = form;
  const participants = useFieldArray({ control, name: 'participants' });
  const statements = useFieldArray({ control, name: 'statements' });
  const outcomes = useFieldArray({ control, name: 'outcomes' });
  const followUps = useFieldArray({ control, name: 'followUps' });
  const [partnershipMode, partnershipId, hostId, delegationId] = useWatch({
    control,
    name: ['partnershipMode', 'partnershipId', 'hostLead.id', 'delegationLead.id'],
  });

  const partnerships = useQuery(partnershipQueries.list());
  const people = useQuery(referenceQueries.allPeople());
  const openItems = useQuery(referenceQueries.openFollowUps(partnershipMode === 'existing' ? partnershipId : ''));
  const errorByField = useMemo(() => Object.fromEntries(errors.map((e) => [e.name, e.message])), [errors]);

  // --- Drafts, the leave guard, the title and the retry key: the shared form lifecycle. -------
  const hasContent = () => JSON.stringify(toDraft(getValues())) !== JSON.stringify(toDraft(emptyVisit()));
  const { idempotencyKey, renewIdempotencyKey, isBusy, beginSave, saveFailed, markSaved, leaveGuard } = useFormLifecycle({
    form,
    restored,
    newKey: newIdempotencyKey,
    hasChanges: hasContent,
    saveDraft: (key) => {
      if (!hasContent()) return;
      const current = useDrafts.getState().drafts[VISIT_DRAFT_KEY];
      const savedAt = new Date().toISOString();
      useDrafts.getState().save(VISIT_DRAFT_KEY, {
        values: toDraft(getValues()),
        savedAt,
        idempotencyKey: current?.idempotencyKey ?? key,
      });
      setLastSaved(savedAt);
    },
    pageTitle: t('visit.title'),
    errorCount: errors.length,
  });

  const handleDiscardDraft = () => {
    useDrafts.getState().discard(VISIT_DRAFT_KEY);
    reset(emptyVisit());
    setErrors([]);
    setDraftNotice(false);
    setLastSaved(undefined);
    // After reset the fields re-register on the next render; focus the first question then.
    setTimeout(() => document.getElementById(domId('partnershipMode'))?.focus(), 0);
  };

  // --- Errors: one wording for the summary and beside the field. ------------------------------
  const showErrors = (fieldErrors: FieldError[], paths: Map<string, string>) => {
    const seen = new Set<string>();
    const list: Array<SummaryError & { name: string }> = [];
    for (const e of fieldErrors) {
      const name = fieldIdFor(e.path, paths);
      if (seen.has(name)) continue;
      seen.add(name);
      const message = t(`errors.field.${e.code}`, { ...e.params, defaultValue: e.message });
      // Buttons ("Tambah peserta") carry their own ids; form fields are named after their value.
      const fieldId = name.endsWith('-add') ? name : domId(name);
      list.push({ name, fieldId, message: t('form.withLabel', { label: visitFieldLabel(t, name), message }) });
    }
    // The summary follows the page, top to bottom, like the fields it points to.
    const position = (id: string) => document.getElementById(id);
    list.sort((a, b) => {
      const x = position(a.fieldId);
      const y = position(b.fieldId);
      if (!x || !y) return 0;
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    setErrors(list);
    setFocusKey((k) => k + 1);
  };

  // --- Submit: validate with the API's schema, then one idempotent request. -----------------
  const save = async (values: VisitFormValues) => {
    if (isBusy()) return;
    const { body, paths } = toMeetingCreate(values, (id) => people.data?.items.find((p) => p.id === id)?.name);
    const check = meetingCreate.safeParse(body, { reportInput: true });
    if (!check.success) {
      showErrors(toFieldErrors(check.error), paths);
      return;
    }
    setErrors([]);
    beginSave();
    useDrafts.getState().save(VISIT_DRAFT_KEY, {
      values: toDraft(values),
      savedAt: new Date().toISOString(),
      idempotencyKey: idempotencyKey(),
    });
    try {
      const { meeting } = await create.logVisit({
        body,
        idempotencyKey: idempotencyKey(),
        progress: (openItems.data?.items ?? [])
          .filter((item) => values.progress[item.id])
          .map((item) => ({ item, status: values.progress[item.id] as FollowUpStatus })),
        onCreated: () => {
          markSaved();
          useDrafts.getState().discard(VISIT_DRAFT_KEY);
        },
      });
      const state: SavedState = { saved: true };
      void navigate(`/meetings/${encodeURIComponent(meeting.id)}`, { state });
    } catch (error) {
      saveFailed();
      if (isApiError(error) && error.status === 400 && error.fieldErrors.length > 0) showErrors(error.fieldErrors, paths);
      // A follow-up marked here was changed by someone else: show its status as it is now.
      if (isApiError(error) && error.status === 412) void openItems.refetch();
    }
  };

  /**
   * After a lost answer the first attempt may have been saved; if the form changed since, the API
   * refuses the same key with different content (422). The user decides: look first, or save as new.
   */
  const handleSaveAsNew = () => {
    renewIdempotencyKey();
    const draft = useDrafts.getState().drafts[VISIT_DRAFT_KEY];
    if (draft) useDrafts.getState().save(VISIT_DRAFT_KEY, { ...draft, idempotencyKey: idempotencyKey() });
    void handleSubmit(save)();
  };

  // After "add", focus the new row's first field; keyboard users stay where they work.
  const addRow = (append: () => void, first: FieldPath<VisitFormValues>) => {
    append();
    setTimeout(() => setFocus(first), 0);
  };

  const reg = register;
  const errs = errorByField;
  const sectorOptions = [...labels.maps.sectors.values()].map((s) => ({ value: s.id, label: labels.sector(s.id) }));
  const userOptions = [...labels.maps.users.values()]
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.name} (${t(`enums.role.${u.role}`)})` }));
  const orgOptions = [...labels.maps.organizations.values()].map((o) => ({ value: o.id, label: labels.organization(o.id) }));
  const selected = partnerships.data?.items.find((p) => p.id === partnershipId);
  const homeRegionId = [...labels.maps.regions.values()].find((r) => r.role === 'home')?.id;
  // People of the side's region; for a new partner, nobody is recorded yet.
  const peopleOf = (regionId: string | undefined) =>
    (people.data?.items ?? [])
      .filter((p) => regionId === undefined || p.regionId === regionId)
      .map((p) => ({ value: p.id, label: p.position ? `${p.name}, ${p.position}` : p.name }));
  const apiFailure = create.isError && !(isApiError(create.error) && create.error.status === 400 && create.error.fieldErrors.length > 0);

  return (
    <form className="visit-form" noValidate onSubmit={(e) => void handleSubmit(save)(e)}>
      <ErrorSummary errors={errors} focusKey={focusKey} />

      {draftNotice && restored && <DraftNotice savedAt={restored.savedAt} onDiscard={handleDiscardDraft} />}

      {apiFailure &&
        (isApiError(create.error) && create.error.status === 422 ? (
          <div className="save-failed" role="alert">
            <h2 className="save-failed__title">{t('visit.maybeSaved')}</h2>
            <p>{t('visit.maybeSavedBody')}</p>
            <p>
              <Link to="/meetings" target="_blank" rel="noopener">
                {t('visit.maybeSavedCheck')}
              </Link>
            </p>
            <button type="button" className="button button--secondary" onClick={handleSaveAsNew}>
              {t('visit.saveAsNew')}
            </button>
          </div>
        ) : (
          <div className="save-failed" role="alert">
            <h2 className="save-failed__title">{t('visit.saveFailed')}</h2>
            <p>{describeError(create.error, t)}</p>
            <p>{t('visit.saveFailedKeep')}</p>
            <button type="submit" className="button">
              {t('visit.retry')}
            </button>
          </div>
        ))}

      <section aria-labelledby="visit-partnership" className="form-section">
        <h2 id="visit-partnership">{t('visit.sections.partnership')}</h2>
        <Radios
          name="partnershipMode"
          legend={t('visit.partnershipMode')}
          register={reg}
          errors={errs}
          options={[
            { value: 'existing', label: t('visit.existingPartnership') },
            { value: 'new', label: t('visit.newPartnership') },
          ]}
        />
        {partnershipMode === 'existing' ? (
          <SelectInput
            name="partnershipId"
            label={t('visit.partnershipId')}
            register={reg}
            errors={errs}
            options={(partnerships.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${labels.partnership(p)}${p.illustrative ? ` (${t('common.illustrative')})` : ''}`,
            }))}
          />
        ) : (
          <div className="conditional">
            <TextInput name="newRegion.name" label={t('visit.regionName')} hint={t('visit.regionNameHint')} register={reg} errors={errs} width="half" />
            <TextInput name="newRegion.localName" label={t('visit.localName')} hint={t('visit.localNameHint')} register={reg} errors={errs} optional width="half" />
            <SelectInput
              name="newRegion.level"
              label={t('visit.level')}
              register={reg}
              errors={errs}
              options={REGION_LEVELS.map((l) => ({ value: l, label: t(`enums.level.${l}`) }))}
            />
            <TextInput name="newRegion.countryCode" label={t('visit.countryCode')} hint={t('visit.countryCodeHint')} register={reg} errors={errs} width="short" />
            <TextInput name="newRegion.province" label={t('visit.province')} register={reg} errors={errs} optional width="half" />
            <SelectInput
              name="newType"
              label={t('visit.partnershipType')}
              register={reg}
              errors={errs}
              options={PARTNERSHIP_TYPES.map((type) => ({ value: type, label: t(`enums.partnershipType.${type}`) }))}
            />
          </div>
        )}
      </section>

      {partnershipMode === 'existing' && (openItems.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="visit-carried" className="form-section">
          <h2 id="visit-carried">{t('visit.sections.carried')}</h2>
          <p className="hint">{t('visit.carriedIntro')}</p>
          <ul className="carried" id={domId('carried')} tabIndex={-1}>
            {openItems.data?.items.map((item) => (
              <li key={item.id} className="carried__item">
                <div className="checkboxes__item">
                  <input type="checkbox" id={`carry-${item.id}`} value={item.id} className="checkboxes__input" {...reg('carried')} />
                  <label htmlFor={`carry-${item.id}`} className="checkboxes__label">
                    <span className="carried__title">{item.title}</span>{' '}
                    <span className="hint">
                      ({t(`enums.status.${item.status}`)}
                      {item.dueDate ? `, ${t('followUps.columns.due')} ${format.date(item.dueDate, 'medium')}` : ''}) — {t('visit.carry')}
                    </span>
                  </label>
                </div>
                <div className="form-group form-group--inline">
                  <label className="label label--small" htmlFor={`progress-${item.id}`}>
                    {t('visit.progress')}
                    <span className="visually-hidden">: {item.title}</span>
                  </label>
                  <select id={`progress-${item.id}`} className="select select--compact" {...reg(`progress.${item.id}`)}>
                    <option value="">{t('visit.noChange')}</option>
                    {PROGRESS_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`enums.status.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="visit-meeting" className="form-section">
        <h2 id="visit-meeting">{t('visit.sections.meeting')}</h2>
        <Radios
          name="kind"
          legend={t('visit.kind')}
          register={reg}
          errors={errs}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`enums.meetingKind.${k}`) }))}
        />
        <TextInput name="title" label={t('visit.meetingTitle')} hint={t('visit.meetingTitleHint')} register={reg} errors={errs} />
        <DateInput name="date" legend={t('visit.date')} hint={t('visit.dateHint')} register={reg} errors={errs} />
        <div className="form-row">
          <TextInput name="time" label={t('visit.time')} hint={t('visit.timeHint')} register={reg} errors={errs} optional width="short" inputMode="numeric" />
          <TextInput name="timeZone" label={t('visit.timeZone')} register={reg} errors={errs} width="half" />
        </div>
        <TextInput name="place" label={t('visit.place')} register={reg} errors={errs} optional />
      </section>

      <section aria-labelledby="visit-people" className="form-section">
        <h2 id="visit-people">{t('visit.sections.people')}</h2>
        {(
          [
            ['hostLead', hostId, homeRegionId],
            ['delegationLead', delegationId, partnershipMode === 'new' ? '' : selected?.partnerRegionId],
          ] as const
        ).map(([key, chosen, regionId]) => (
          <div className="person-pick" key={key}>
            <SelectInput
              name={`${key}.id`}
              label={t(`visit.${key}`)}
              register={reg}
              errors={errs}
              optional
              options={[...peopleOf(regionId), { value: NEW_PERSON, label: t('visit.newPerson') }]}
            />
            {chosen === NEW_PERSON && (
              <div className="conditional">
                <TextInput name={`${key}.name`} label={t('visit.personName')} register={reg} errors={errs} width="half" />
                <TextInput name={`${key}.position`} label={t('visit.personPosition')} register={reg} errors={errs} optional width="half" />
                <div className="form-row">
                  <TextInput name={`${key}.email`} label={t('visit.personEmail')} hint={t('visit.contactHint')} register={reg} errors={errs} optional width="half" inputMode="email" />
                  <TextInput name={`${key}.phone`} label={t('visit.personPhone')} register={reg} errors={errs} optional width="half" inputMode="tel" />
                </div>
              </div>
            )}
          </div>
        ))}

        <h3 className="subheading">{t('visit.participants')}</h3>
        <p className="hint">{t('visit.participantsHint')}</p>
        {participants.fields.map((field, index) => (
          <fieldset className="row-card" key={field.id}>
            <legend className="row-card__legend">{t('visit.participant', { n: index + 1 })}</legend>
            <div className="form-row">
              <SelectInput
                name={`participants.${index}.side`}
                label={t('visit.side')}
                register={reg}
                errors={errs}
                placeholder={false}
                options={PARTICIPANT_SIDES.map((s) => ({ value: s, label: t(`enums.side.${s}`) }))}
              />
              <TextInput name={`participants.${index}.name`} label={t('visit.personName')} register={reg} errors={errs} optional width="half" />
              <TextInput name={`participants.${index}.position`} label={t('visit.personPosition')} register={reg} errors={errs} optional width="half" />
            </div>
            <div className="form-row">
              <SelectInput name={`participants.${index}.organizationId`} label={t('visit.organization')} register={reg} errors={errs} optional options={orgOptions} />
              <TextInput name={`participants.${index}.description`} label={t('visit.description')} register={reg} errors={errs} optional width="half" />
            </div>
            <button type="button" className="button button--link" onClick={() => { participants.remove(index); document.getElementById('participants-add')?.focus(); }}>
              {t('visit.removeParticipant', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          id="participants-add"
          className="button button--secondary"
          onClick={() => addRow(() => participants.append(emptyParticipant()), `participants.${participants.fields.length}.side`)}
        >
          {t('visit.addParticipant')}
        </button>

        <Checkboxes name="facilitatorIds" legend={t('visit.facilitators')} register={reg} errors={errs} options={orgOptions} />
      </section>

      <section aria-labelledby="visit-topics" className="form-section">
        <h2 id="visit-topics">{t('visit.sections.topics')}</h2>
        <Checkboxes name="sectorIds" legend={t('visit.sectors')} register={reg} errors={errs} options={sectorOptions} />
        <TextInput name="summary" label={t('visit.summary')} register={reg} errors={errs} optional multiline />

        <h3 className="subheading">{t('visit.statements')}</h3>
        {statements.fields.map((field, index) => (
          <fieldset className="row-card" key={field.id}>
            <legend className="row-card__legend">{t('visit.statement', { n: index + 1 })}</legend>
            <TextInput name={`statements.${index}.speaker`} label={t('visit.speaker')} hint={t('visit.speakerHint')} register={reg} errors={errs} width="half" />
            <TextInput name={`statements.${index}.text`} label={t('visit.quote')} register={reg} errors={errs} multiline />
            <button type="button" className="button button--link" onClick={() => { statements.remove(index); document.getElementById('statements-add')?.focus(); }}>
              {t('visit.removeStatement', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          id="statements-add"
          className="button button--secondary"
          onClick={() => addRow(() => statements.append({ speaker: '', text: '' }), `statements.${statements.fields.length}.speaker`)}
        >
          {t('visit.addStatement')}
        </button>

        <h3 className="subheading">{t('visit.outcomes')}</h3>
        {outcomes.fields.map((field, index) => (
          <div className="row-inline" key={field.id}>
            <TextInput name={`outcomes.${index}.text`} label={t('visit.outcome', { n: index + 1 })} register={reg} errors={errs} />
            <button type="button" className="button button--link" onClick={() => { outcomes.remove(index); document.getElementById('outcomes-add')?.focus(); }}>
              {t('visit.removeOutcome', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          id="outcomes-add"
          className="button button--secondary"
          onClick={() => addRow(() => outcomes.append({ text: '' }), `outcomes.${outcomes.fields.length}.text`)}
        >
          {t('visit.addOutcome')}
        </button>
      </section>

      <section aria-labelledby="visit-source" className="form-section">
        <h2 id="visit-source">{t('visit.sections.source')}</h2>
        <TextInput name="source.url" label={t('visit.sourceUrl')} hint={t('visit.sourceUrlHint')} register={reg} errors={errs} optional inputMode="url" />
        <TextInput name="source.publisher" label={t('visit.publisher')} register={reg} errors={errs} optional width="half" />
        <TextInput name="source.dateAsReported" label={t('visit.dateAsReported')} hint={t('visit.dateAsReportedHint')} register={reg} errors={errs} optional width="half" />
      </section>

      <section aria-labelledby="visit-follow-ups" className="form-section">
        <h2 id="visit-follow-ups">{t('visit.sections.followUps')}</h2>
        {followUps.fields.length === 0 && <p className="hint">{t('visit.noFollowUps')}</p>}
        {followUps.fields.map((field, index) => (
          <fieldset className="row-card" key={field.id}>
            <legend className="row-card__legend">{t('visit.followUp', { n: index + 1 })}</legend>
            <TextInput name={`followUps.${index}.title`} label={t('visit.followUpTitle')} register={reg} errors={errs} />
            <div className="form-row">
              <SelectInput name={`followUps.${index}.ownerId`} label={t('visit.owner')} register={reg} errors={errs} options={userOptions} />
              <SelectInput
                name={`followUps.${index}.priority`}
                label={t('visit.priority')}
                register={reg}
                errors={errs}
                placeholder={false}
                options={PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
              />
            </div>
            <DateInput name={`followUps.${index}.due`} legend={t('visit.due')} register={reg} errors={errs} />
            <details className="details">
              <summary className="details__summary">{t('visit.followUpSectors')}</summary>
              <Checkboxes name={`followUps.${index}.sectorIds`} legend={t('visit.followUpSectors')} register={reg} errors={errs} options={sectorOptions} small />
            </details>
            <button type="button" className="button button--link" onClick={() => { followUps.remove(index); document.getElementById('followUps-add')?.focus(); }}>
              {t('visit.removeFollowUp', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          id="followUps-add"
          className="button button--secondary"
          onClick={() => addRow(() => followUps.append(emptyFollowUp()), `followUps.${followUps.fields.length}.title`)}
        >
          {t('visit.addFollowUp')}
        </button>
      </section>

      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={create.isPending || undefined} onClick={(e) => create.isPending && e.preventDefault()}>
          {create.isPending ? t('visit.saving') : t('visit.submit')}
        </button>
        {lastSaved && !create.isPending && (
          <span className="hint" role="status">
            {t('visit.draftSaved', { time: format.dateTime(lastSaved) })}
          </span>
        )}
      </div>


      <LeaveDialog {...leaveGuard} />
    </form>
  );
}
