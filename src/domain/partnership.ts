import type { IsoDate } from './dates';
import { monthsBetween } from './dates';
import type { Partnership } from './schemas/partnership';
import type { Stage } from './value-lists';

export type {
  Partnership,
  PartnershipInput,
  PartnershipPatch,
  StageChangeInput,
  StageChange,
} from './schemas/partnership';
export type { PartnershipType, Stage } from './value-lists';
export { PARTNERSHIP_TYPES, STAGES } from './value-lists';

/**
 * Which stage changes the office allows. Forward along the pipeline (a step may be skipped when
 * the partners sign straight away), back one step when a draft falls through, to dormant from any
 * live stage, out of dormant by re-engaging, and ended is final.
 */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  exploring: ['letter-of-intent', 'mou-drafting', 'dormant', 'ended'],
  'letter-of-intent': ['mou-drafting', 'mou-signed', 'exploring', 'dormant', 'ended'],
  'mou-drafting': ['mou-signed', 'letter-of-intent', 'dormant', 'ended'],
  'mou-signed': ['active', 'dormant', 'ended'],
  active: ['dormant', 'ended'],
  dormant: ['exploring', 'active', 'ended'],
  ended: [],
};

export function canChangeStage(from: Stage, to: Stage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

export function nextStages(from: Stage): readonly Stage[] {
  return STAGE_TRANSITIONS[from];
}

/** Live partnerships count as "active" on the dashboard: agreed and working together. */
export function isActivePartnership(p: Pick<Partnership, 'stage'>): boolean {
  return p.stage === 'active' || p.stage === 'mou-signed';
}

/** The date the partnership entered its current stage, from its history. */
export function currentStageSince(
  p: Pick<Partnership, 'stage' | 'stageHistory'>,
): IsoDate | undefined {
  for (let i = p.stageHistory.length - 1; i >= 0; i -= 1) {
    const entry = p.stageHistory[i];
    if (entry && entry.to === p.stage) return entry.date;
  }
  return undefined;
}

export function monthsInStage(
  p: Pick<Partnership, 'stage' | 'stageHistory'>,
  today: IsoDate,
): number | undefined {
  const since = currentStageSince(p);
  return since === undefined ? undefined : monthsBetween(since, today);
}
