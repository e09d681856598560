import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { meetingCreate } from '@/domain/schemas/meeting';
import { toFieldErrors } from '@/domain/schemas/issues';
import type { FieldError } from '@/domain/validation';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import { DraftNotice, LeaveDialog, useFormLifecycle, useRestoredDraft } from '@/components/ui/form/form-lifecycle';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { isApiError } from '@/lib/api-client';
import { useFormat } from '@/lib/use-format';
import { newIdempotencyKey, useDrafts } from '@/stores/drafts';
import { homeGovernmentErrors, useHomeGovernmentChoice } from '@/reference-data/home-government-picker';
import { referenceQueries } from '@/reference-data/queries';
import { sessionQuery } from '@/session/session';
import { partnershipQueries } from '@/features/partners';
import { visitFieldLabel } from './field-labels';
import { domId, emptyVisit, fieldIdFor, toDraft, toMeetingCreate, type VisitFormValues } from './model';
import { CarriedSection } from './sections/carried-section';
import { FollowUpsSection } from './sections/follow-ups-section';
import { MeetingSection } from './sections/meeting-section';
import { PartnershipSection } from './sections/partnership-section';
import { PeopleSection } from './sections/people-section';
import { RecordSection } from './sections/record-section';
import { SaveFailed } from './sections/save-failed';
import { SourceSection } from './sections/source-section';
import { TopicsSection } from './sections/topics-section';
import { progressOf, useLogVisit } from './submit';

export const VISIT_DRAFT_KEY = 'visit:new';

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
    useQuery(sessionQuery()),
  ];
  const failed = needed.find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => needed.forEach((q) => void q.refetch())} />;
  if (needed.some((q) => q.isPending)) return <LoadingState />;
  return <VisitFormFields />;
}

function VisitFormFields() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const restored = useRestoredDraft<VisitFormValues>(VISIT_DRAFT_KEY);
  const [draftNotice, setDraftNotice] = useState(restored !== undefined);
  const [lastSaved, setLastSaved] = useState<string | undefined>(restored?.savedAt);
  const [errors, setErrors] = useState<Array<SummaryError & { name: string }>>([]);
  const [focusKey, setFocusKey] = useState(0);
  const create = useLogVisit();
  const homeChoice = useHomeGovernmentChoice();
  // An empty form starts in the header's government (or the user's only one).
  const blank = (): VisitFormValues => ({ ...emptyVisit(), newHomeRegionId: homeChoice.preselected });

  const form = useForm<VisitFormValues>({ defaultValues: { ...blank(), ...restored?.values } });
  const { control, handleSubmit, getValues, reset } = form;
  const [partnershipMode, partnershipId] = useWatch({ control, name: ['partnershipMode', 'partnershipId'] });

  const partnerships = useQuery(partnershipQueries.list());
  const people = useQuery(referenceQueries.allPeople());
  const openItems = useQuery(referenceQueries.openFollowUps(partnershipMode === 'existing' ? partnershipId : ''));
  const errorByField = useMemo(() => Object.fromEntries(errors.map((e) => [e.name, e.message])), [errors]);

  // --- Drafts, the leave guard, the title and the retry key: the shared form lifecycle. -------
  const hasContent = () => JSON.stringify(toDraft(getValues())) !== JSON.stringify(toDraft(blank()));
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
    reset(blank());
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
    const homeErrors = body.newPartnership ? homeGovernmentErrors(homeChoice, body.newPartnership.homeRegionId, 'newPartnership.homeRegionId') : [];
    if (!check.success || homeErrors.length > 0) {
      showErrors([...(check.success ? [] : toFieldErrors(check.error)), ...homeErrors], paths);
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
        progress: progressOf(values, openItems.data?.items ?? []),
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

  const apiFailure = create.isError && !(isApiError(create.error) && create.error.status === 400 && create.error.fieldErrors.length > 0);

  return (
    <form className="visit-form" noValidate onSubmit={(e) => void handleSubmit(save)(e)}>
      <ErrorSummary errors={errors} focusKey={focusKey} />

      {draftNotice && restored && <DraftNotice savedAt={restored.savedAt} onDiscard={handleDiscardDraft} />}

      {apiFailure && <SaveFailed error={create.error} onSaveAsNew={handleSaveAsNew} />}

      <PartnershipSection form={form} errors={errorByField} partnerships={partnerships.data?.items ?? []} governments={homeChoice.governments} />

      {partnershipMode === 'existing' && (openItems.data?.items.length ?? 0) > 0 && (
        <CarriedSection form={form} items={openItems.data?.items ?? []} />
      )}

      <MeetingSection form={form} errors={errorByField} />

      <PeopleSection form={form} errors={errorByField} partnerships={partnerships.data?.items ?? []} people={people.data?.items ?? []} />

      <TopicsSection form={form} errors={errorByField} />

      <SourceSection form={form} errors={errorByField} />

      <RecordSection form={form} errors={errorByField} />

      <FollowUpsSection form={form} errors={errorByField} />

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
