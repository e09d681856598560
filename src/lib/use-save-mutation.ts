import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { invalidateAfterSave } from './invalidation';

/**
 * A write whose result makes queries stale: `stale` names them (a `STALE_AFTER_SAVE` entry), marked
 * after a success, or after every attempt (`'settled'`: a refused change may mean the list moved on).
 */
export function useSaveMutation<TVariables, TData>(
  save: (variables: TVariables) => Promise<TData>,
  stale: () => QueryKey[],
  refreshAfter: 'success' | 'settled' = 'success',
) {
  const queryClient = useQueryClient();
  const refresh = () => invalidateAfterSave(queryClient, stale());
  return useMutation({
    mutationFn: save,
    ...(refreshAfter === 'success' ? { onSuccess: refresh } : { onSettled: refresh }),
  });
}
