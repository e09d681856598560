import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createI18n, loadLocale } from './i18n';
import { usePreferences } from './stores/preferences';
import './styles.css';

/**
 * In development and in the demo build, MSW serves the API in the browser. The condition is
 * static, so a production build drops the import and ships no mock code.
 */
async function startDemoBackend(): Promise<void> {
  if (import.meta.env.DEV || import.meta.env.MODE === 'demo') {
    const { startWorker } = await import('../mocks/browser');
    await startWorker();
  }
}

async function boot(): Promise<void> {
  const locale = usePreferences.getState().locale;
  const [bundle] = await Promise.all([loadLocale(locale), startDemoBackend()]);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App i18n={createI18n(locale, { [locale]: bundle })} />
    </StrictMode>,
  );
}

void boot();
