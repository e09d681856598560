import { useEffect, useRef } from 'react';

/**
 * A native <dialog> that opens as a modal when its component mounts (focus moves in, Escape
 * closes, the rest of the page is inert) and, when it unmounts, gives focus back to whatever
 * opened it — as long as that is still on the page.
 */
export function useModalDialog<T extends HTMLDialogElement = HTMLDialogElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
