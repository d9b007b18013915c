import type { CSSVariablesResolver } from '@mantine/core';

/**
 * Text in colour (light badges, outline and subtle buttons, coloured text, errors), secondary (dimmed)
 * text and the fills under white text, darker than Mantine's own shades, which read at 2.7 to 4.3:1 on
 * their tinted or white backgrounds: each of these reads at 4.5:1 or better.
 */
const readableRed = '#b02525';
const readableText: Readonly<Record<string, string>> = {
  red: readableRed,
  orange: '#a13b00',
  yellow: '#8a5300',
  teal: '#06664a',
  green: '#1f6b2a',
  blue: '#1864ab',
  cyan: '#0b6170',
  grape: '#862e9c',
  gray: '#495057',
  indigo: '#364fc7',
  violet: '#5f3dc4',
  pink: '#a61e4d',
  lime: '#4a6e0c',
};

/** Light fills take dark text (the theme's autoContrast); these keep white text on a fill of their own shade. */
const lightFills = new Set(['yellow', 'lime']);

export const readableColors: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': readableRed,
    ...Object.fromEntries(Object.entries(readableText).flatMap(([color, text]) => (lightFills.has(color) ? [] : [[`--mantine-color-${color}-filled`, text]]))),
    ...Object.fromEntries(
      Object.entries(readableText).flatMap(([color, text]) => [
        [`--mantine-color-${color}-light-color`, text],
        [`--mantine-color-${color}-outline`, text],
        [`--mantine-color-${color}-text`, text],
      ]),
    ),
  },
  dark: {},
});
