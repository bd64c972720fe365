/**
 * The user's settings (pure part). Kept for earlier imports: the model lives in ./settings.ts, storage in
 * ./settings-storage.ts.
 */
export * from './settings';
export { normalizeSettings as parseSettings } from './settings';
