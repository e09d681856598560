import { useTranslation } from 'react-i18next';
import type { Stage } from '@/domain/partnership';
import { Tag } from '@/components/ui/tags';

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  const tone = stage === 'active' || stage === 'mou-signed' ? 'green' : stage === 'dormant' || stage === 'ended' ? 'grey' : 'blue';
  return <Tag tone={tone}>{t(`enums.stage.${stage}`)}</Tag>;
}
