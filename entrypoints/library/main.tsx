import { LibraryApp } from '~/components/library/LibraryApp';
import { startInterfaceText } from '~/browser/interface-text';
import { renderLocalized } from '~/components/localized';
import '~/components/theme.css';

void startInterfaceText(document).then(() => renderLocalized(document.getElementById('app')!, () => <LibraryApp />));
