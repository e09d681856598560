/**
 * Writes a deterministic load data set: `npm run seed -- --follow-ups 50000 --meetings 5000`.
 * Same --seed, same file (the printed sha256 proves it).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSnapshot } from '../mocks/generator';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '922' },
    'follow-ups': { type: 'string', default: '50000' },
    meetings: { type: 'string', default: '5000' },
    partnerships: { type: 'string', default: '40' },
    out: { type: 'string', default: 'data/load.json' },
  },
});

const count = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2_147_483_647) {
    console.error(`--${name} must be a whole number from 0 to 2147483647 (got "${value}")`);
    process.exit(2);
  }
  return n;
};

const options = {
  seed: count('seed', values.seed),
  followUps: count('follow-ups', values['follow-ups']),
  meetings: count('meetings', values.meetings),
  partnerships: count('partnerships', values.partnerships),
};
const started = performance.now();
const text = JSON.stringify(generateSnapshot(options));
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, text);
const hash = createHash('sha256').update(text).digest('hex');
console.log(
  `wrote ${values.out}: ${options.followUps} follow-ups, ${options.meetings} meetings, ${options.partnerships} partnerships ` +
    `(seed ${options.seed}), ${(text.length / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms, sha256 ${hash.slice(0, 16)}`,
);
