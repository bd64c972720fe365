/** Kept for earlier imports; the storage functions live in ./settings-storage.ts. */
export * from './settings-storage';
