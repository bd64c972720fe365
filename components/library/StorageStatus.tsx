/**
 * Asks the browser to keep the extension's storage through disk pressure (`navigator.storage.persist`) and says
 * what it answered, with how much is used. `unlimitedStorage` lifts the quota; persistence is what protects the
 * data from eviction, so the library asks on every visit until it is granted.
 */
import { useEffect, useState } from 'preact/hooks';

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
  const used = status.usage === null ? '' : ` · ${formatBytes(status.usage)} used`;
  if (status.persisted === null) return <span class="storage muted">Checking storage…</span>;
  return status.persisted ? (
    <span class="storage ok" title="The browser will not clear the library to free space.">
      ✓ Storage is persistent{used}
    </span>
  ) : (
    <span
      class="storage warn"
      title="navigator.storage.persist() was not granted. The unlimitedStorage permission keeps the quota from filling up, but a browser may still clear best-effort data under disk pressure."
    >
      Storage not marked persistent by the browser{used} · keep a backup
    </span>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
