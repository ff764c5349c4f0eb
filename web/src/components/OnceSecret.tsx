// A secret the server shows only once (a new API token, an administrator's two-factor secret):
// shown in a read-only field that selects itself on focus, with a copy button, and a plain
// warning that it will not be shown again.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function OnceSecret({ label, value, warning }: { label: string; value: string; warning: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure page, a refused permission): the field can still be selected.
      setCopied('no');
    }
  };
  return (
    <div className="once-secret">
      <p className="note">
        <strong>{warning}</strong>
      </p>
      <label className="form-field">
        <span>{label}</span>
        <input readOnly value={value} dir="ltr" spellCheck={false} className="secret" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={copy}>
        {t('secret.copy')}
      </button>{' '}
      <span role="status" className="muted">
        {copied === 'yes' ? t('secret.copied') : copied === 'no' ? t('secret.copyFailed') : ''}
      </span>
    </div>
  );
}
