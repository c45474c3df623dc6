import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import './phone.css';
import { App } from './App.tsx';

// The cached shell opens the ticket on a flaky connection; a new version applies at the next visit.
registerSW({ immediate: true });
createRoot(document.getElementById('root')!).render(<App />);
