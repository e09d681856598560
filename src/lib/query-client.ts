import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry what a retry can fix (offline, 5xx), never a 4xx.
        retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.retryable),
      },
      mutations: { retry: false },
    },
  });
}

