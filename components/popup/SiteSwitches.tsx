/** The switch for the current site and the global pause. Both write the settings; open tabs follow at once. */
import type { Settings } from '~/lib/settings/settings';
import { isSiteEnabled } from '~/lib/settings/settings';
import { t, tParts } from '~/lib/i18n';

interface SiteSwitchesProps {
  site: string | null;
  settings: Settings;
  onSite(enabled: boolean): void;
  onPause(paused: boolean): void;
}

export function SiteSwitches({ site, settings, onSite, onPause }: SiteSwitchesProps) {
  // The site's own rule, whatever the pause says: switching the pause off brings back what the site had.
  const siteOn = site !== null && isSiteEnabled({ ...settings, paused: false }, site);
  return (
    <section class="section switches" aria-label={t('popupWhereItRuns')}>
      {site !== null && (
        <label class="switch-row">
          <span class="switch-text">
            <span class="switch-label">{tParts('popupOnSite', <span class="site-name">{site}</span>)}</span>
            <span class="switch-hint">{siteOn ? t('popupSiteOnHint') : t('popupSiteOffHint')}</span>
          </span>
          <input
            type="checkbox"
            role="switch"
            name="site-enabled"
            class="switch"
            checked={siteOn}
            onChange={(e) => onSite(e.currentTarget.checked)}
          />
        </label>
      )}
      <label class="switch-row">
        <span class="switch-text">
          <span class="switch-label">{t('popupPauseEverywhere')}</span>
          <span class="switch-hint">{settings.paused ? t('popupPausedHint') : t('popupPauseHint')}</span>
        </span>
        <input
          type="checkbox"
          role="switch"
          name="paused"
          class="switch"
          checked={settings.paused}
          onChange={(e) => onPause(e.currentTarget.checked)}
        />
      </label>
    </section>
  );
}
