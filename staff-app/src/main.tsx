import '../../client/strict-csp.ts';
import { createRoot } from 'react-dom/client';
import './staff.css';
import { App } from './App.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

createRoot(document.getElementById('root')!).render(
  <>
    <UpdateBanner />
    <App />
  </>,
);
