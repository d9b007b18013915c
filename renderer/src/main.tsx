import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { unlockDeskKeys } from './data/crypto/deskKeys';
import { requestPersistentStorage } from './data/storage';
import { App } from './features/shell/App';
import { callDesk } from './platform/desk';

// First thing in the page: the main process hands the data key to one ask per page load only.
void unlockDeskKeys(() => callDesk('dataKey'));

// Ask once at start so the browser never evicts what HQ has not acknowledged (ARCHITECTURE.md, "The sync contract").
void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
