import '../../client/strict-csp.ts';
import { createRoot } from 'react-dom/client';
import { refreshHubUrls } from '../../client/hub-urls.ts';
import './staff.css';
import { App } from './App.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

// Every node of this airport, learnt now and kept, so sign-in, enrolment and sockets can move to another when this one dies.
void refreshHubUrls(location.origin);

createRoot(document.getElementById('root')!).render(
  <>
    <UpdateBanner />
    <App />
  </>,
);
