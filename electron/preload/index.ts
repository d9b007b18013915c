import { contextBridge, ipcRenderer } from 'electron';
import { buildDeskApi } from './deskApi';

// Exposes exactly the IPC contract; the renderer never sees ipcRenderer or an IPC event.
contextBridge.exposeInMainWorld('desk', buildDeskApi((channel, input) => ipcRenderer.invoke(channel, input)));
