import { render } from 'preact';
import { PopupApp } from '~/components/popup/PopupApp';
import { createPopupApi } from '~/components/popup/popup-api';
import '~/components/theme.css';
import '~/components/card/card.css';
import '~/components/popup/popup.css';

render(<PopupApp api={createPopupApi()} />, document.getElementById('app')!);
