import { useParams } from 'react-router';
import { ReferenceFormShell } from '@/features/reference/reference-form-page';

export function NewOrganizationPage() {
  return <ReferenceFormShell kind="organizations" />;
}

export function EditOrganizationPage() {
  const id = useParams().organizationId ?? '';
  return <ReferenceFormShell key={id} kind="organizations" id={id} />;
}
