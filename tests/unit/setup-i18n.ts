/** Unit tests read the interface in English, as the extension does before a reader chooses otherwise. */
import { readFileSync } from 'node:fs';
import { setInterfaceText } from '~/lib/i18n/translator';

setInterfaceText({
  lang: 'en',
  messages: JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8')),
});
