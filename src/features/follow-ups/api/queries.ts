import type { FollowUp } from '@/domain/follow-up';
import { pagedResource } from '@/lib/query-keys';

export type FollowUpFilters = {
  status?: string[];
  partnershipId?: string;
  meetingId?: string;
  ownerId?: string;
  sectorId?: string;
  due?: string;
  q?: string;
  /** The day agreed, in Asia/Jakarta (the dashboard's period rule). */
  agreedFrom?: string;
  agreedTo?: string;
  /** "no": open items not yet assigned (no owner, no due date: a back-logged visit's). */
  assigned?: 'no' | 'yes';
  sort?: string;
};

export const FOLLOW_UPS_PAGE_SIZE = 50;
const followUps = pagedResource<FollowUp, FollowUpFilters>('follow-ups', '/follow-ups', FOLLOW_UPS_PAGE_SIZE);
export const followUpKeys = followUps.keys;
export const followUpQueries = { list: followUps.list };
