import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './config';
import { keepFrenchTypography } from './i18n/typography';
import './styles.css';

await loadConfig();
const root = document.getElementById('app')!;
keepFrenchTypography(root);
render(<App />, root);
