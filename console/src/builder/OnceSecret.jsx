// A secret the API shows once (a trigger's signing secret, a new API key): shown with a
// copy button and a warning, kept only in this component's state: a reload forgets it.
import { useState } from 'react';

export function OnceSecret({ title, secret, what, onDismiss }) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The browser refused the clipboard: select the text and copy it.');
    }
  };
  return (
    <section className="panel bsecret" role="alert" aria-labelledby="bsecret-title">
      <h2 id="bsecret-title">{title}</h2>
      <p className="bwarning"><strong>Shown only now.</strong> Copy the {what} and store it safely: the API never shows it again, and leaving or reloading this page forgets it.</p>
      <label className="bfield">
        <span>{what[0].toUpperCase() + what.slice(1)}</span>
        <input type="text" readOnly value={secret} className="bsecret-value" data-testid="once-secret" onFocus={(event) => event.target.select()} />
      </label>
      <div className="bactions">
        <button type="button" onClick={copy}>Copy {what}</button>
        <button type="button" className="secondary" onClick={onDismiss}>I have stored it</button>
      </div>
      <p role="status" className="muted">{copied}</p>
    </section>
  );
}
