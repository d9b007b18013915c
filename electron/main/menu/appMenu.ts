import type { MenuItemConstructorOptions } from 'electron';
import { menuMessages as m } from './messages';

/**
 * The packaged desk's application menu: none on Windows and Linux, where Chromium handles Ctrl+C/V/X/A/Z in
 * text fields by itself and a menu bar would only offer Electron's English default (reload, DevTools). macOS
 * sends ⌘C, ⌘V and the rest through the menu, so there it is the app menu (hide, quit) and 编辑 with the edit
 * roles, and nothing else: no reload, no DevTools.
 */
export function packagedMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: m.app,
      submenu: [
        { role: 'hide', label: m.hide },
        { role: 'quit', label: m.quit },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
  ];
}
