/**
 * Long work in slices: each slice runs for at most a time budget, then gives the event loop a
 * turn (so a Web Worker can take a cancel message and post progress, and a server can answer
 * other requests). No single synchronous step of a 50,000-row import comes near 200 ms.
 */
export type ImportPhase = 'read' | 'validate';

export type Progress = { phase: ImportPhase; done: number; total: number };

export type RunOptions = {
  /** Called after every slice: rows (or, while reading CSV, characters) done out of total. */
  onProgress?: (progress: Progress) => void;
  /** Stops the work at the next slice; the result is then the problem `aborted`. */
  signal?: AbortSignal;
  /** Milliseconds of work per slice (default 30). */
  sliceMs?: number;
};

export const DEFAULT_SLICE_MS = 30;

export class AbortedError extends Error {
  constructor() {
    super('The import was stopped.');
    this.name = 'AbortedError';
  }
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** A turn of the event loop (a macrotask, so messages and timers get their turn too). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Tells when the current slice has used its budget. */
export class Slicer {
  private start = now();

  constructor(
    private readonly options: RunOptions = {},
    private readonly phase: ImportPhase = 'validate',
  ) {}

  /** True when the slice's time is up (checked every row; reading the clock is cheap). */
  due(): boolean {
    return now() - this.start >= (this.options.sliceMs ?? DEFAULT_SLICE_MS);
  }

  /** Reports progress, yields to the event loop and starts a new slice; throws when aborted. */
  async pause(done: number, total: number): Promise<void> {
    this.options.onProgress?.({ phase: this.phase, done, total });
    await nextTurn();
    if (this.options.signal?.aborted) throw new AbortedError();
    this.start = now();
  }

  report(done: number, total: number): void {
    this.options.onProgress?.({ phase: this.phase, done, total });
  }
}
