import { OWN_NAMES_FLAG } from '~/page/own-names-flag';

// Registered by the background for every frame while the reader has names of their own, so the gate asks the
// background about every small frame instead of screening it (page/own-names-flag.ts). Never web-accessible.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[OWN_NAMES_FLAG] = true;
});
