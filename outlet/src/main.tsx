import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import './i18n.ts';
import './outlet.css';
import { App } from './App.tsx';

// The shell is cached so the counter opens on a flaky connection; spending always asks the hub.
registerSW({ immediate: true });
createRoot(document.getElementById('root')!).render(<App />);
