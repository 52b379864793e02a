import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './config';
import './styles.css';

await loadConfig();
render(<App />, document.getElementById('app')!);
