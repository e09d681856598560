import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetApi, server } from '../mocks/node';
import { useDrafts } from '../src/stores/drafts';
import { DEFAULT_USER_ID, usePreferences } from '../src/stores/preferences';

// jsdom has no <dialog> methods nor scrollIntoView; the app uses them.
HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
  // The HTML "dialog focusing steps": the first [autofocus] element, else the first focusable one.
  const focusable = this.querySelector<HTMLElement>('[autofocus]') ??
    this.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])');
  focusable?.focus();
};
HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  await resetApi();
  window.localStorage.clear();
  useDrafts.setState({ drafts: {} });
  usePreferences.setState({ userId: DEFAULT_USER_ID, locale: 'id' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

// CI runs on two cores with the other suites beside it: findBy* and waitFor wait up to 4 s (a
// failure still fails, only later), instead of failing a slow but correct render at 1 s.
configure({ asyncUtilTimeout: 4000 });
