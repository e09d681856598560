import { checkFile, readSheets, type WorkerRequest, type WorkerResponse } from './local-check';

/**
 * The import's Web Worker: reads and validates a file off the main thread (the page stays
 * responsive with 50,000 rows) and reports progress after every slice. Loaded only by the import
 * page, with exceljs when a workbook is read.
 */
type WorkerScope = {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};
const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();

const post = (message: WorkerResponse) => scope.postMessage(message);

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const { id } = request;
  const work =
    request.kind === 'sheets'
      ? readSheets(request.bytes).then((result) => post({ kind: 'sheets', id, result }))
      : (() => {
          const controller = new AbortController();
          running.set(id, controller);
          return checkFile(
            request.input,
            (progress) => post({ kind: 'progress', id, progress }),
            controller.signal,
          )
            .then((result) => post({ kind: 'checked', id, result }))
            .finally(() => running.delete(id));
        })();
  work.catch((error: unknown) =>
    post({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
  );
});
