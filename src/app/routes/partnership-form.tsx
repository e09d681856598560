import { useParams } from 'react-router';
import { ReferenceFormShell } from '@/features/reference/reference-form-page';

/** /partners/new: a partnership with its partner, type, first stage, sectors and agreements. */
export function NewPartnershipPage() {
  return <ReferenceFormShell kind="partnerships" />;
}

/** /partners/:partnershipId/edit: everything but the stage, which moves only through a recorded stage change. */
export function EditPartnershipPage() {
  const id = useParams().partnershipId ?? '';
  return <ReferenceFormShell key={id} kind="partnerships" id={id} />;
}
