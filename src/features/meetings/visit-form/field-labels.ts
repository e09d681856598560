import type { TFunction } from 'i18next';
import { meetingFieldLabels, reportedFieldLabel } from '../edit-form/record-fields';

/**
 * The words for a field of the visit form, as the error summary and the message beside the field
 * name it: "Peserta 2 — Nama", "Tindak lanjut 1 — Judul". `fieldId` is the form path
 * (`participants.1.name`), or a list's add button (`participants-add`).
 */
export function visitFieldLabel(t: TFunction, fieldId: string): string {
  const parts = fieldId.split('.');
  // Aims, delegation sizes and names as reported: worded as in the edit form.
  const reported = reportedFieldLabel(t, fieldId.replace(/-add$/, ''));
  if (reported !== undefined) return reported;
  const row = (key: 'visit.participant' | 'visit.statement' | 'visit.outcome' | 'visit.followUp') =>
    t(key, { n: Number(parts[1]) + 1 });
  const fieldLabels: Record<string, string> = {
    partnershipId: t('visit.partnershipId'),
    partnershipMode: t('visit.partnershipMode'),
    newType: t('visit.partnershipType'),
    newHomeRegionId: t('homeGovernment.pick'),
    ...meetingFieldLabels(t),
    hostLead: t('visit.hostLead'),
    delegationLead: t('visit.delegationLead'),
    carried: t('visit.sections.carried'),
    name: t('visit.personName'),
    position: t('visit.personPosition'),
    email: t('visit.personEmail'),
    phone: t('visit.personPhone'),
    id: t('visit.person'),
    side: t('visit.side'),
    organizationId: t('visit.organization'),
    description: t('visit.description'),
    speaker: t('visit.speaker'),
    text: t('visit.quote'),
    ownerId: t('visit.owner'),
    due: t('visit.due'),
    priority: t('visit.priority'),
    localName: t('visit.localName'),
    level: t('visit.level'),
    countryCode: t('visit.countryCode'),
    province: t('visit.province'),
    'participants-add': t('visit.participants'),
    'statements-add': t('visit.statements'),
    'outcomes-add': t('visit.outcomes'),
    'followUps-add': t('visit.sections.followUps'),
  };
  const last = parts.find((p, i) => i > 0 && !/^\d+$/.test(p) && p !== 'day') ?? parts[0] ?? '';
  switch (parts[0]) {
    case 'participants':
      return `${row('visit.participant')} — ${fieldLabels[last] ?? last}`;
    case 'statements':
      return `${row('visit.statement')} — ${fieldLabels[last] ?? last}`;
    case 'outcomes':
      return row('visit.outcome');
    case 'followUps':
      return `${row('visit.followUp')} — ${last === 'title' ? t('visit.followUpTitle') : last === 'sectorIds' ? t('visit.followUpSectors') : (fieldLabels[last] ?? last)}`;
    case 'newRegion':
      return last === 'name' ? t('visit.regionName') : (fieldLabels[last] ?? last);
    case 'hostLead':
    case 'delegationLead':
      return `${fieldLabels[parts[0]]} — ${fieldLabels[last] ?? last}`;
    case 'source':
      return fieldLabels[last] ?? last;
    default:
      return fieldLabels[parts[0] ?? ''] ?? fieldId;
  }
}
