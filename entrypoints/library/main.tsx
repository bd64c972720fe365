import '~/browser/page-leaving';
import { LibraryApp } from '~/components/library/LibraryApp';
import { startInterfaceText } from '~/browser/interface-text';
import { renderLocalized } from '~/components/localized';
import '~/components/theme.css';

// The root is taken before the catalog's wait, so the app never looks it up in a document changed meanwhile.
const root = document.getElementById('app')!;
void startInterfaceText(document, 'titleLibrary').then(() => renderLocalized(root, () => <LibraryApp />));
