// One file chooser with its label, hint and error tied to it (aria-describedby), for every upload form.
import type { RefObject } from 'react';

export function FileField({ id, label, hint, accept, error, inputRef, onFile }: { id: string; label: string; hint: string; accept: readonly string[]; error?: string; inputRef: RefObject<HTMLInputElement | null>; onFile: (file: File | null) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {hint}
      </span>
      <input
        id={id}
        ref={inputRef}
        type="file"
        accept={accept.join(',')}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      />
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
