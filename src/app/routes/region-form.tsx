import { useParams } from 'react-router';
import { ReferenceFormShell } from '@/features/reference/reference-form-page';

export function NewRegionPage() {
  return <ReferenceFormShell kind="regions" />;
}

export function EditRegionPage() {
  const id = useParams().regionId ?? '';
  return <ReferenceFormShell key={id} kind="regions" id={id} />;
}
