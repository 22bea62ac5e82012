// The narrow-screen header menu as a disclosure: a button with aria-expanded/aria-controls opens the navigation;
// Escape closes it and puts focus back on the button; following a link closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'react-router';

export function useDisclosureMenu() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { key } = useLocation();
  useEffect(() => setOpen(false), [key]);
  // NOTE: the Escape keydown is not stopped here: the quick exit counts it too, so Esc twice still leaves at once.
  const onPanelKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  };
  return {
    open,
    panelProps: { id: panelId, onKeyDown: onPanelKeyDown },
    buttonProps: {
      ref: buttonRef,
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((value) => !value),
      onKeyDown: onPanelKeyDown,
    },
  };
}
