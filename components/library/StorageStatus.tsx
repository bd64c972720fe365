/**
 * Asks the browser to keep the extension's storage through disk pressure (`navigator.storage.persist`) and says
 * what it answered, with how much is used. `unlimitedStorage` lifts the quota; persistence is what protects the
 * data from eviction, so the library asks on every visit until it is granted.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '~/lib/i18n/translator';

interface Status {
  persisted: boolean | null;
  usage: number | null;
}

export function StorageStatus() {
  const [status, setStatus] = useState<Status>({ persisted: null, usage: null });
  useEffect(() => {
    void (async () => {
      const storage = navigator.storage;
      if (!storage?.persisted) return;
      let persisted = await storage.persisted().catch(() => false);
      if (!persisted) persisted = await storage.persist().catch(() => false);
      const estimate = await storage.estimate?.().catch(() => null);
      setStatus({ persisted, usage: estimate?.usage ?? null });
      document.documentElement.dataset.storagePersisted = String(persisted);
    })();
  }, []);
  const used = status.usage === null ? [] : [t('libraryStorageUsed', formatBytes(status.usage))];
  if (status.persisted === null) return <span class="storage muted">{t('libraryStorageChecking')}</span>;
  return status.persisted ? (
    <span class="storage ok" title={t('libraryStoragePersistentTitle')}>
      ✓ {[t('libraryStoragePersistent'), ...used].join(' · ')}
    </span>
  ) : (
    <span class="storage warn" title={t('libraryStorageNotPersistentTitle')}>
      {[t('libraryStorageNotPersistent'), ...used, t('libraryStorageKeepBackup')].join(' · ')}
    </span>
  );
}

/** A size with its unit in the interface language ("1.5 MB", "1,5 МБ"), from Intl. */
function formatBytes(n: number): string {
  const [unit, value, digits] =
    n < 1024 ? ['byte', n, 0] : n < 1024 * 1024 ? ['kilobyte', n / 1024, 0] : ['megabyte', n / 1024 / 1024, 1];
  return formatNumber(value, { style: 'unit', unit, maximumFractionDigits: digits });
}
