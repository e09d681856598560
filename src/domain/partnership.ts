import type { IsoDate } from './dates';
import { monthsBetween } from './dates';
import type { Partnership } from './schemas/partnership';
import { STAGES, type Stage } from './value-lists';

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
 * Which stage changes the office allows, each with the reason it happens in practice (reviewed
 * against real cases, issue 15). A new partnership starts at whatever stage it was first met at,
 * dated that day (`partnershipInput`): there is no invented "exploring" step before an LoI or MoU
 * signing, and an old, ended partnership can be recorded as it ended.
 */
export const STAGE_TRANSITION_REASONS: Readonly<Record<Stage, Readonly<Partial<Record<Stage, string>>>>> = {
  exploring: {
    'letter-of-intent': 'The partners sign a letter of intent after first talks.',
    'mou-drafting': 'The partners go straight to drafting an MoU, without a letter of intent.',
    'mou-signed': 'Some partners sign an MoU without a letter of intent first (often at a visit).',
    dormant: 'Talks stop without a decision.',
    ended: 'One side declines.',
  },
  'letter-of-intent': {
    'mou-drafting': 'The letter of intent is followed by an MoU draft.',
    'mou-signed': 'An MoU is signed without a separate drafting stage being recorded.',
    exploring: 'The letter of intent lapses and talks start over.',
    dormant: 'Nothing follows the letter of intent for a while.',
    ended: 'One side withdraws.',
  },
  'mou-drafting': {
    'mou-signed': 'The MoU is signed.',
    'letter-of-intent': 'The draft falls through; the letter of intent still stands.',
    dormant: 'The draft stalls.',
    ended: 'One side withdraws.',
  },
  'mou-signed': {
    active: 'Work under the MoU starts (programmes, exchanges).',
    dormant: 'Nothing happens under the signed MoU.',
    ended: 'The MoU expires or is terminated.',
  },
  active: {
    dormant: 'Activity stops.',
    ended: 'The MoU expires or is terminated.',
  },
  dormant: {
    exploring: 'Contact resumes with new talks.',
    active: 'Work under an MoU still in force resumes.',
    ended: 'The partnership is closed for good.',
  },
  ended: {},
};

/** Derived from the reasons, in pipeline order: a transition exists only with its reason. */
export const STAGE_TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = Object.fromEntries(
  STAGES.map((from) => [from, STAGES.filter((to) => STAGE_TRANSITION_REASONS[from][to] !== undefined)]),
) as unknown as Record<Stage, readonly Stage[]>;

/**
 * The agreements' dates a stage reached on a day fills in when still empty: the LoI date for a
 * letter of intent, the signing date for a signed MoU (a stage change or a partnership's start).
 */
export function agreementsOnEntering(
  stage: Stage,
  date: IsoDate,
  agreements: Partnership['agreements'],
): Partnership['agreements'] {
  const next = { ...agreements };
  if (stage === 'letter-of-intent') next.loiDate ??= date;
  if (stage === 'mou-signed') next.mouSignedDate ??= date;
  return next;
}

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
