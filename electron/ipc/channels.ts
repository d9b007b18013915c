/**
 * IPC channel names, one per contract entry. Kept apart from the zod schemas so the sandboxed preload
 * bundles only these strings.
 */
export const channels = {
  appInfo: 'desk:app-info',
  openExternal: 'desk:open-external',
} as const;

export type ChannelKey = keyof typeof channels;
export const channelKeys = Object.keys(channels) as ChannelKey[];
