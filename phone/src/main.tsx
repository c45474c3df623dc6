import { createRoot } from 'react-dom/client';
import { refreshHubUrls } from '../../client/hub-urls.ts';
import { registerSW } from 'virtual:pwa-register';
import './phone.css';
import { App } from './App.tsx';

// The cached shell opens the ticket on a flaky connection; a new version applies at the next visit.
registerSW({ immediate: true });
// Every node of this airport, learnt now and kept, so sign-in, enrolment and sockets can move to another when this one dies.
void refreshHubUrls(location.origin);
createRoot(document.getElementById('root')!).render(<App />);
