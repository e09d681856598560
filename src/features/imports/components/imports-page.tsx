import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingState } from '@/components/ui/states';
import type { ImportCommitResult, ImportDetail } from '@/domain/import/api';
import { IMPORT_RESOURCES, type ImportResource } from '@/domain/import/fields';
import { checkFileSize } from '@/domain/import/limits';
import { mappingProblems, type Mapping } from '@/domain/import/mapping';
import type { ReferenceData } from '@/domain/import/reference';
import type { Action } from '@/domain/permissions';
import { describeError } from '@/lib/describe-error';
import { referenceQueries } from '@/reference-data/queries';
import { usePermissions } from '@/session/use-can';
import { usePreferences } from '@/stores/preferences';
import {
  commitImport,
  downloadErrorsFile,
  ImportApiError,
  previewWithMapping,
  refreshAfterImport,
  uploadImport,
} from '../api';
import { createChecker, type Checker } from '../check/run-check';
import { fileProblemMessage } from '../messages';
import { ChooseStep, FILE_INPUT_ID, type ChooseErrors } from './choose-step';
import { ImportHistory } from './import-history';
import { MappingStep } from './mapping-step';
import { PreviewStep } from './preview-step';
import { timedProgress, type TimedProgress } from './progress-bar';

/** Who may import what: whoever may create that kind of record (src/domain/permissions.ts). */
const CREATE_ACTION: Record<ImportResource, Action> = {
  partnerships: 'partnership.create',
  people: 'person.write',
  meetings: 'meeting.create',
  'follow-ups': 'followUp.create',
};

/** The list each resource's records are seen in. */
const LIST_PATH: Record<ImportResource, string> = {
  partnerships: '/partners',
  people: '/reference',
  meetings: '/meetings',
  'follow-ups': '/follow-ups',
};

type Step = 'choose' | 'mapping' | 'preview' | 'result';
const STEP_NUMBER: Record<Step, number> = { choose: 1, mapping: 2, preview: 3, result: 4 };

type ChosenFile = { name: string; type: string; size: number; bytes: Uint8Array<ArrayBuffer> };

/** A request that failed without an answer to show in its step: said plainly, with a retry. */
type Failure = { message: string; retry?: () => void };

/**
 * /imports: a spreadsheet into Mitra in four steps — choose (resource, file, sheet), match columns,
 * preview (counts, per-cell errors, the errors file), commit — and the history with undo.
 * The file is read and checked in a Web Worker first (with progress), then uploaded: the API
 * reads it again and its answer is what the steps show. Nothing is written before "Impor".
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const { user, can } = usePermissions();
  const queryClient = useQueryClient();
  const locale = usePreferences((s) => s.locale);
  const resources = useMemo(
    () => IMPORT_RESOURCES.filter((r) => can(CREATE_ACTION[r]) === true),
    [can],
  );

  const [step, setStep] = useState<Step>('choose');
  const [resource, setResource] = useState<ImportResource | undefined>();
  const [file, setFile] = useState<ChosenFile | undefined>();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string | undefined>();
  const [chooseErrors, setChooseErrors] = useState<ChooseErrors>({});
  const [focusKey, setFocusKey] = useState(0);
  const [busy, setBusy] = useState<
    'checking' | 'uploading' | 'previewing' | 'committing' | undefined
  >();
  const [progress, setProgress] = useState<TimedProgress | undefined>();
  const [sample, setSample] = useState<string[]>([]);
  const [detail, setDetail] = useState<ImportDetail | undefined>();
  const [mapping, setMapping] = useState<Mapping>([]);
  const [result, setResult] = useState<ImportCommitResult | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const checker = useRef<Checker | undefined>(undefined);
  const cancelCheck = useRef<AbortController | undefined>(undefined);
  const commitKey = useRef<{ id: string; key: string } | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The names the local check matches values against (cached: other pages load them too).
  const sectors = useQuery(referenceQueries.sectors());
  const users = useQuery(referenceQueries.users());
  const regions = useQuery(referenceQueries.regions());
  const organizations = useQuery(referenceQueries.organizations());

  useEffect(() => {
    document.title = `${t('import.page.title')} — ${t('app.titleSuffix')}`;
  }, [t]);
  useEffect(() => () => checker.current?.dispose(), []);

  // A single importable resource is chosen for the user.
  const onlyResource = resources.length === 1 ? resources[0] : undefined;
  const chosenResource = resource ?? onlyResource;

  const getChecker = () => (checker.current ??= createChecker());

  /** The new step's heading takes the focus (a screen reader reads where the user is), unless the step focuses its own error summary. */
  const goTo = (next: Step, focusHeading = true) => {
    setStep(next);
    setFailure(undefined);
    if (focusHeading) requestAnimationFrame(() => headingRef.current?.focus());
  };

  const chooseFile = async (chosen: File | undefined) => {
    setChooseErrors((errors) => ({ ...errors, file: undefined }));
    setSheets([]);
    setSheet(undefined);
    if (!chosen) {
      setFile(undefined);
      return;
    }
    const tooBig = checkFileSize(chosen.size);
    if (tooBig && tooBig.code === 'tooLarge') {
      // Refused by its size alone: not a byte of it is read.
      setFile(undefined);
      setChooseErrors((errors) => ({ ...errors, file: fileProblemMessage(t, tooBig) }));
      return;
    }
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    setFile({ name: chosen.name, type: chosen.type, size: chosen.size, bytes });
    if (/\.xlsx$/i.test(chosen.name) && bytes.length > 0) {
      const listed = await getChecker()
        .sheets(bytes)
        .catch(() => undefined);
      if (listed?.ok) {
        setSheets(listed.sheets);
        setSheet(listed.sheets[0]);
      }
    }
  };

  const upload = async (target: ImportResource, chosen: ChosenFile) => {
    setBusy('uploading');
    setFailure(undefined);
    try {
      const answer = await uploadImport({
        resource: target,
        bytes: chosen.bytes,
        fileName: chosen.name,
        type: chosen.type,
        sheet,
      });
      setDetail(answer);
      setMapping(answer.mapping);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      goTo('mapping');
    } catch (error) {
      if (error instanceof ImportApiError && error.fileProblem) {
        setChooseErrors({ file: fileProblemMessage(t, error.fileProblem) });
        setFocusKey((k) => k + 1);
      } else {
        setFailure({ message: describeError(error, t), retry: () => void upload(target, chosen) });
      }
    } finally {
      setBusy(undefined);
    }
  };

  const submitChoice = async () => {
    const errors: ChooseErrors = {
      resource: chosenResource ? undefined : t('import.page.choose.noResource'),
      file: file ? undefined : (chooseErrors.file ?? t('import.page.choose.noFile')),
    };
    setChooseErrors(errors);
    if (!chosenResource || !file) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy('checking');
    setProgress(undefined);
    setFailure(undefined);
    const controller = new AbortController();
    cancelCheck.current = controller;
    const timing = timedProgress();
    const refs: ReferenceData = {
      ...(sectors.data ? { sectors: sectors.data.items } : {}),
      ...(users.data ? { users: users.data.items } : {}),
      ...(regions.data ? { regions: regions.data.items } : {}),
      ...(organizations.data ? { organizations: organizations.data.items } : {}),
    };
    let checked;
    try {
      checked = await getChecker().check(
        {
          resource: chosenResource,
          bytes: file.bytes,
          name: file.name,
          type: file.type,
          sheet,
          refs,
        },
        (report) => setProgress(timing(report)),
        controller.signal,
      );
    } catch (error) {
      setBusy(undefined);
      if (controller.signal.aborted) return;
      // The local check could not run (an old browser): the API checks the file all the same.
      void error;
      checked = undefined;
    }
    if (controller.signal.aborted) {
      setBusy(undefined);
      return;
    }
    if (checked && !checked.ok) {
      setBusy(undefined);
      setChooseErrors({ file: fileProblemMessage(t, checked.problem) });
      setFocusKey((k) => k + 1);
      return;
    }
    if (checked) setSample(checked.sample);
    await upload(chosenResource, file);
  };

  const restart = () => {
    setDetail(undefined);
    setResult(undefined);
    setFile(undefined);
    setSheets([]);
    setSheet(undefined);
    setChooseErrors({});
    setProgress(undefined);
    goTo('choose');
  };

  const submitMapping = async () => {
    if (!detail) return;
    if (mappingProblems(detail.resource, mapping).length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    const same =
      JSON.stringify(mapping.map((m) => m.field)) ===
      JSON.stringify(detail.mapping.map((m) => m.field));
    if (same) {
      goTo('preview', detail.invalid === 0);
      return;
    }
    setBusy('previewing');
    setFailure(undefined);
    try {
      const answer = await previewWithMapping(detail.id, mapping);
      setDetail(answer);
      setMapping(answer.mapping);
      goTo('preview', answer.invalid === 0);
    } catch (error) {
      setFailure({ message: describeError(error, t), retry: () => void submitMapping() });
    } finally {
      setBusy(undefined);
    }
  };

  const commit = async (skipInvalid: boolean) => {
    if (!detail) return;
    // One key per import: a retry after a lost answer is the same request, never a second import.
    if (commitKey.current?.id !== detail.id)
      commitKey.current = { id: detail.id, key: crypto.randomUUID() };
    setBusy('committing');
    setFailure(undefined);
    try {
      const answer = await commitImport(
        detail.id,
        { mapping: detail.mapping, skipInvalid },
        commitKey.current.key,
      );
      setResult(answer);
      void refreshAfterImport(queryClient);
      goTo('result');
    } catch (error) {
      if (error instanceof ImportApiError && error.status === 422 && error.invalid !== undefined) {
        setFailure({ message: t('import.page.failed.invalid', { count: error.invalid }) });
      } else if (error instanceof ImportApiError && error.status === 409) {
        setFailure({ message: t('import.page.failed.already') });
        void refreshAfterImport(queryClient);
      } else {
        setFailure({ message: describeError(error, t), retry: () => void commit(skipInvalid) });
      }
    } finally {
      setBusy(undefined);
    }
  };

  const downloadErrors = () => {
    if (!detail) return;
    const date = new Date().toISOString().slice(0, 10);
    downloadErrorsFile(detail.id, locale, t('import.errorsFile.fileName', { date })).catch(
      (error: unknown) => setFailure({ message: describeError(error, t), retry: downloadErrors }),
    );
  };

  if (!user) return <LoadingState />;
  if (resources.length === 0) {
    return (
      <div className="page">
        <h1>{t('import.page.title')}</h1>
        <p className="lead">{t('import.page.forbidden')}</p>
      </div>
    );
  }

  const stepTitle = t(`import.page.steps.${step}`);
  return (
    <div className="page import-page">
      <PageHeader title={t('import.page.title')} intro={t('import.page.intro')} />

      <section aria-labelledby="import-step-title" className="import-steps">
        <h2 id="import-step-title" ref={headingRef} tabIndex={-1} className="import-steps__title">
          <span className="caption">{t('import.page.stepOf', { step: STEP_NUMBER[step] })}</span>{' '}
          {stepTitle}
        </h2>

        {failure && (
          <div className="save-failed" role="alert" aria-labelledby="import-failed-title">
            <h3 className="save-failed__title" id="import-failed-title">
              {t('import.page.failed.title')}
            </h3>
            <p>{failure.message}</p>
            {step !== 'result' && <p>{t('import.page.failed.kept')}</p>}
            {failure.retry && (
              <button type="button" className="button button--secondary" onClick={failure.retry}>
                {t('import.page.failed.retry')}
              </button>
            )}
          </div>
        )}

        {step === 'choose' && (
          <ChooseStep
            resources={resources}
            resource={chosenResource}
            onResource={(r) => {
              setResource(r);
              setChooseErrors((errors) => ({ ...errors, resource: undefined }));
            }}
            onFile={(f) => void chooseFile(f)}
            sheets={sheets}
            sheet={sheet}
            onSheet={setSheet}
            errors={chooseErrors}
            focusKey={focusKey}
            busy={busy === 'checking' || busy === 'uploading' ? busy : undefined}
            progress={progress}
            onSubmit={() => void submitChoice()}
            onCancel={() => {
              cancelCheck.current?.abort();
              setBusy(undefined);
              setProgress(undefined);
              document.getElementById(FILE_INPUT_ID)?.focus();
            }}
          />
        )}

        {step === 'mapping' && detail && (
          <MappingStep
            resource={detail.resource}
            mapping={mapping}
            sample={sample}
            onChange={setMapping}
            onSubmit={() => void submitMapping()}
            busy={busy === 'previewing'}
            focusKey={focusKey}
          />
        )}

        {step === 'preview' && detail && (
          <PreviewStep
            detail={detail}
            busy={busy === 'committing'}
            onCommit={(skip) => void commit(skip)}
            onRestart={restart}
            onMapping={() => goTo('mapping')}
            onDownloadErrors={downloadErrors}
          />
        )}

        {step === 'result' && detail && result && (
          <div>
            <div className="notification notification--success" role="status">
              <h3>{t('import.page.result.title')}</h3>
              <p>{t('import.page.result.intro', { file: detail.fileName, ...result })}</p>
            </div>
            <ul className="list">
              <li>
                <Link to={LIST_PATH[detail.resource]}>
                  {t('import.page.result.see', { list: t(`import.page.lists.${detail.resource}`) })}
                </Link>
              </li>
            </ul>
            <button type="button" className="button button--secondary" onClick={restart}>
              {t('import.page.result.another')}
            </button>
          </div>
        )}
      </section>

      <ImportHistory />
    </div>
  );
}
