/** A list of sites with an add box: takes what people paste (a URL, `www.`, a port) and keeps the hostname. */
import { useState } from 'preact/hooks';
import { normalizeSite } from '~/lib/settings/settings';
import { t } from '~/lib/i18n/translator';

export function SiteList(props: {
  label: string;
  empty: string;
  sites: string[];
  onChange: (sites: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  const add = (e: Event) => {
    e.preventDefault();
    const site = normalizeSite(draft);
    if (!site) {
      setError(t('optionsNotASite'));
      return;
    }
    setError('');
    setDraft('');
    if (!props.sites.includes(site)) props.onChange([...props.sites, site].sort());
  };

  return (
    <div class="lens-field">
      <h3 class="lens-label" id="lens-sites-label">
        {props.label}
      </h3>
      {props.sites.length === 0 ? (
        <p class="lens-hint">{props.empty}</p>
      ) : (
        <ul class="lens-chips" aria-labelledby="lens-sites-label">
          {props.sites.map((site) => (
            <li key={site} class="lens-chip">
              <span>{site}</span>
              <button
                type="button"
                class="lens-chip__remove"
                aria-label={t('optionsRemoveSite', site)}
                title={t('optionsRemoveSite', site)}
                onClick={() => props.onChange(props.sites.filter((s) => s !== site))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="lens-inline-form" onSubmit={add}>
        <input
          type="text"
          name="site"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          aria-label={t('optionsSiteToAdd')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'lens-site-error' : undefined}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="lens-button">
          {t('optionsAddSite')}
        </button>
      </form>
      {error && (
        <p class="lens-error" id="lens-site-error" role="alert">
          {error}
        </p>
      )}
      <p class="lens-hint">{t('optionsSubdomains')}</p>
    </div>
  );
}
