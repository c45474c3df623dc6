import { createRoot } from 'react-dom/client';
import './i18n.ts';
import './kiosk.css';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(<App />);
