import { describe, expect, it } from 'vitest';
import { packagedMenuTemplate } from '../../../../../electron/main/menu/appMenu';

describe('packaged application menu', () => {
  it.each(['win32', 'linux'] as const)('is none on %s, where text fields take their shortcuts without a menu', (platform) => {
    expect(packagedMenuTemplate(platform)).toBeNull();
  });

  it('on macOS is the app menu and 编辑 with the edit roles the keyboard shortcuts need, all in Chinese, and nothing else', () => {
    const template = packagedMenuTemplate('darwin')!;
    expect(template.map((menu) => menu.label)).toEqual(['一窗通', '编辑']);
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    expect(items.filter((item) => item.type !== 'separator').map((item) => [item.role, item.label])).toEqual([
      ['hide', '隐藏一窗通'],
      ['quit', '退出一窗通'],
      ['undo', '撤销'],
      ['redo', '重做'],
      ['cut', '剪切'],
      ['copy', '复制'],
      ['paste', '粘贴'],
      ['selectAll', '全选'],
    ]);
  });
});
