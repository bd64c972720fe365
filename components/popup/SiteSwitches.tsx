/** The switch for the current site and the global pause. Both write the settings; open tabs follow at once. */
import type { Settings } from '~/lib/settings/settings';
import { isSiteEnabled } from '~/lib/settings/settings';

export interface SiteSwitchesProps {
  site: string | null;
  settings: Settings;
  onSite(enabled: boolean): void;
  onPause(paused: boolean): void;
}

export function SiteSwitches({ site, settings, onSite, onPause }: SiteSwitchesProps) {
  // The site's own rule, whatever the pause says: switching the pause off brings back what the site had.
  const siteOn = site !== null && isSiteEnabled({ ...settings, paused: false }, site);
  return (
    <section class="section switches" aria-label="Where Caspian Lens runs">
      {site !== null && (
        <label class="switch-row">
          <span class="switch-text">
            <span class="switch-label">
              On <span class="site-name">{site}</span>
            </span>
            <span class="switch-hint">
              {siteOn ? 'Names are marked and cards open here.' : 'No marks or cards on this site.'}
            </span>
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
          <span class="switch-label">Pause everywhere</span>
          <span class="switch-hint">
            {settings.paused ? 'Paused: no marks or cards on any site.' : 'Every site, until you switch it back.'}
          </span>
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
