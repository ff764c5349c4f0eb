// Asks before an action that cannot be undone (revoke a token, deactivate or erase an account).
// A native modal <dialog>: the browser keeps focus inside it, Escape cancels, and focus returns
// to the button that opened it. For the gravest actions the reader types a word to confirm.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The reader must type this exactly before the action can be confirmed. */
  typeToConfirm?: string;
  busy?: boolean;
}

export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, typeToConfirm, busy }: ConfirmDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setTyped('');
      element.showModal();
    } else if (!open && element.open) element.close();
  }, [open]);
  const ready = !typeToConfirm || typed.trim() === typeToConfirm;
  return (
    <dialog
      ref={dialog}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) onConfirm();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-text`}>{children}</div>
        {typeToConfirm && (
          <div className="form-field">
            <label htmlFor={`${id}-typed`}>{t('confirm.typeToConfirm', { text: `\u2068${typeToConfirm}\u2069` })}</label>
            <input id={`${id}-typed`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} dir="ltr" />
          </div>
        )}
        <div className="buttons">
          <button type="submit" className="danger" disabled={!ready || busy}>
            {confirmLabel}
          </button>
          <button type="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
