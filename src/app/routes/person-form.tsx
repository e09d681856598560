import { useParams } from 'react-router';
import { ReferenceFormShell } from '@/features/reference/reference-form-page';

export function NewPersonPage() {
  return <ReferenceFormShell kind="people" />;
}

export function EditPersonPage() {
  const id = useParams().personId ?? '';
  return <ReferenceFormShell key={id} kind="people" id={id} />;
}
