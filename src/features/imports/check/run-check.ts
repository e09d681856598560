import type { Progress } from '@/domain/import/progress';
import type {
  CheckInput,
  CheckResult,
  SheetsResult,
  WorkerRequest,
  WorkerResponse,
} from './local-check';

/**
 * The page's side of the local check: one Web Worker per page, started on first use. In the
 * component tests (jsdom, no Worker) the same code runs on the main thread, still in slices.
 */
export type Checker = {
  check(
    input: CheckInput,
    onProgress: (progress: Progress) => void,
    signal?: AbortSignal,
  ): Promise<CheckResult>;
  sheets(bytes: Uint8Array): Promise<SheetsResult>;
  dispose(): void;
};

class AbortedCheck extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortError';
  }
}

function workerChecker(): Checker {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let next = 0;
  const waiting = new Map<
    number,
    {
      resolve: (value: never) => void;
      reject: (error: Error) => void;
      onProgress?: (p: Progress) => void;
    }
  >();
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const entry = waiting.get(message.id);
    if (!entry) return;
    if (message.kind === 'progress') {
      entry.onProgress?.(message.progress);
      return;
    }
    waiting.delete(message.id);
    if (message.kind === 'failed') entry.reject(new Error(message.message));
    else entry.resolve(message.result as never);
  });
  worker.addEventListener('error', (event) => {
    for (const entry of waiting.values()) entry.reject(new Error(event.message || 'worker error'));
    waiting.clear();
  });
  const send = <T>(
    request: WorkerRequest,
    onProgress?: (p: Progress) => void,
    transfer: Transferable[] = [],
  ) =>
    new Promise<T>((resolve, reject) => {
      waiting.set(request.id, {
        resolve: resolve as (value: never) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      worker.postMessage(request, transfer);
    });
  return {
    check(input, onProgress, signal) {
      const id = (next += 1);
      // The worker gets its own copy (transferred): the page keeps the bytes to upload.
      const bytes = input.bytes.slice();
      signal?.addEventListener('abort', () => {
        worker.postMessage({ kind: 'cancel', id } satisfies WorkerRequest);
        const entry = waiting.get(id);
        waiting.delete(id);
        entry?.reject(new AbortedCheck());
      });
      return send<CheckResult>({ kind: 'check', id, input: { ...input, bytes } }, onProgress, [
        bytes.buffer,
      ]);
    },
    sheets(bytes) {
      const id = (next += 1);
      const copy = bytes.slice();
      return send<SheetsResult>({ kind: 'sheets', id, bytes: copy }, undefined, [copy.buffer]);
    },
    dispose() {
      worker.terminate();
      waiting.clear();
    },
  };
}

function mainThreadChecker(): Checker {
  const load = () => import('./local-check');
  return {
    async check(input, onProgress, signal) {
      const { checkFile } = await load();
      return checkFile(input, onProgress, signal);
    },
    async sheets(bytes) {
      const { readSheets } = await load();
      return readSheets(bytes);
    },
    dispose() {},
  };
}

/** Without a Worker (a very old browser) nothing is checked here: the API checks the file anyway. */
function noChecker(): Checker {
  const none = () => Promise.reject(new Error('no Web Worker'));
  return { check: none, sheets: none, dispose() {} };
}

export function createChecker(): Checker {
  // Only the tests (jsdom) run the check on the main thread: the app's bundle leaves the fallback,
  // and with it exceljs's loader, out of the chunks every page shares.
  if (typeof Worker === 'undefined')
    return import.meta.env.MODE === 'test' ? mainThreadChecker() : noChecker();
  try {
    return workerChecker();
  } catch {
    return noChecker();
  }
}
