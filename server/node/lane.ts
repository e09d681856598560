/**
 * A slow lane for the requests anyone can send without signing in and that cost the server real
 * work (a sign-in checks its throttle, and perhaps a password hash): they are let through a few
 * per event-loop turn, after the turn's other work. A burst of a hundred wrong passwords then
 * takes its turns between a signed-in user's requests instead of ahead of them (issue 13:
 * during such bursts a list request's p99 had been 7–8 times its idle p99).
 *
 * The lane is bounded: when `maxWaiting` requests already wait, the next is refused at once
 * (the caller answers 503 with Retry-After), never queued without end.
 */
export type Lane = {
  /** A promise that resolves at this request's turn, or undefined when the lane is full. */
  enter(): Promise<void> | undefined;
  /** How many requests wait now (tests). */
  readonly waiting: number;
};

export function createLane({ perTurn = 4, maxWaiting = 1000 }: { perTurn?: number; maxWaiting?: number } = {}): Lane {
  const queue: Array<() => void> = [];
  let head = 0;
  let scheduled = false;

  // setImmediate runs in the loop's check phase: after the poll phase has read every socket that
  // was ready (a signed-in user's request among them) and run what those requests could run.
  const release = () => {
    scheduled = false;
    const until = Math.min(queue.length, head + perTurn);
    while (head < until) {
      const go = queue[head]!;
      queue[head] = noop;
      head += 1;
      go();
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(release);
  };

  return {
    enter() {
      if (queue.length - head >= maxWaiting) return undefined;
      return new Promise<void>((go) => {
        queue.push(go);
        schedule();
      });
    },
    get waiting() {
      return queue.length - head;
    },
  };
}

const noop = () => undefined;
