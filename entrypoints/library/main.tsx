import { render } from 'preact';
import { LibraryApp } from '~/components/library/LibraryApp';
import '~/components/theme.css';

render(<LibraryApp />, document.getElementById('app')!);
