import { http } from 'msw';

type FetchHandler = { fetch(request: Request): Response | Promise<Response> };

/** Every /api/* request goes to the one API in server/; MSW adds nothing of its own. */
export function apiHandlers(api: () => FetchHandler) {
  return [http.all('/api/*', ({ request }) => api().fetch(request))];
}
