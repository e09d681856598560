import { describe, expect, it } from 'vitest';
import {
  canChangeStage,
  currentStageSince,
  isActivePartnership,
  monthsInStage,
  nextStages,
  STAGE_TRANSITION_REASONS,
  STAGE_TRANSITIONS,
  STAGES,
  type Stage,
} from '../../src/domain/partnership';

/**
 * The office's rule, written out by hand as the spec: forward along the pipeline (skipping a
 * step is allowed where partners sign straight away: exploring → MoU signed, issue 15), back one
 * step when a draft falls through, to dormant from any live stage, out of dormant by re-engaging,
 * and ended is final. Rows are "from", columns are "to", in STAGES order.
 */
const ALLOWED: Record<Stage, Stage[]> = {
  exploring: ['letter-of-intent', 'mou-drafting', 'mou-signed', 'dormant', 'ended'],
  'letter-of-intent': ['exploring', 'mou-drafting', 'mou-signed', 'dormant', 'ended'],
  'mou-drafting': ['letter-of-intent', 'mou-signed', 'dormant', 'ended'],
  'mou-signed': ['active', 'dormant', 'ended'],
  active: ['dormant', 'ended'],
  dormant: ['exploring', 'active', 'ended'],
  ended: [],
};

describe('stage transitions', () => {
  it('has the seven stages in pipeline order', () => {
    expect(STAGES).toEqual(['exploring', 'letter-of-intent', 'mou-drafting', 'mou-signed', 'active', 'dormant', 'ended']);
  });

  const pairs = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s follows the table', (from, to) => {
    expect(canChangeStage(from, to)).toBe(ALLOWED[from].includes(to));
  });

  it('checks all 49 pairs', () => {
    expect(pairs).toHaveLength(49);
    expect(pairs.filter(([from, to]) => canChangeStage(from, to))).toHaveLength(
      Object.values(ALLOWED).reduce((n, list) => n + list.length, 0),
    );
  });

  it('allows an MoU signed without a letter of intent first', () => {
    expect(canChangeStage('exploring', 'mou-signed')).toBe(true);
  });

  it('documents the reason for every allowed transition, and allows none without one', () => {
    for (const from of STAGES) {
      for (const to of STAGE_TRANSITIONS[from]) expect(STAGE_TRANSITION_REASONS[from][to], `${from} → ${to}`).toMatch(/\w{3}/);
      expect(Object.keys(STAGE_TRANSITION_REASONS[from]).sort()).toEqual([...STAGE_TRANSITIONS[from]].sort());
    }
  });

  it('never allows staying put, and ended is final', () => {
    for (const stage of STAGES) expect(canChangeStage(stage, stage)).toBe(false);
    expect(nextStages('ended')).toEqual([]);
  });

  it('lets every live stage go dormant or end', () => {
    for (const stage of STAGES.filter((s) => s !== 'dormant' && s !== 'ended')) {
      expect(canChangeStage(stage, 'dormant')).toBe(true);
      expect(canChangeStage(stage, 'ended')).toBe(true);
    }
  });

  it('nextStages lists exactly the allowed targets', () => {
    for (const stage of STAGES) {
      expect([...nextStages(stage)].sort()).toEqual([...ALLOWED[stage]].sort());
      expect(nextStages(stage)).toBe(STAGE_TRANSITIONS[stage]);
    }
  });
});

describe('isActivePartnership', () => {
  it('counts signed and active partnerships as active, nothing else', () => {
    expect(STAGES.filter((stage) => isActivePartnership({ stage }))).toEqual(['mou-signed', 'active']);
  });
});

describe('currentStageSince and monthsInStage', () => {
  const history = [
    { to: 'exploring' as const, date: '2021-03-15', by: 'u', at: 'x' },
    { from: 'exploring' as const, to: 'active' as const, date: '2022-06-01', by: 'u', at: 'x' },
    { from: 'active' as const, to: 'dormant' as const, date: '2023-06-30', by: 'u', at: 'x' },
    { from: 'dormant' as const, to: 'active' as const, date: '2024-02-10', by: 'u', at: 'x' },
  ];

  it('takes the latest entry into the current stage', () => {
    expect(currentStageSince({ stage: 'active', stageHistory: history })).toBe('2024-02-10');
    expect(currentStageSince({ stage: 'exploring', stageHistory: history.slice(0, 1) })).toBe('2021-03-15');
  });

  it('is undefined when the history never reached the stage', () => {
    expect(currentStageSince({ stage: 'ended', stageHistory: history })).toBeUndefined();
    expect(monthsInStage({ stage: 'ended', stageHistory: history }, '2025-01-01')).toBeUndefined();
  });

  it('counts whole months in the stage', () => {
    expect(monthsInStage({ stage: 'active', stageHistory: history }, '2025-02-09')).toBe(11);
    expect(monthsInStage({ stage: 'active', stageHistory: history }, '2025-02-10')).toBe(12);
  });
});
