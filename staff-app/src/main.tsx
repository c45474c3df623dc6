import { createRoot } from 'react-dom/client';
import './staff.css';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(<App />);
