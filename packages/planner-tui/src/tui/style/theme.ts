import { createContext, useContext } from 'react';

/** What a piece of text is, so the theme can say how it looks. */
export type TextRole = 'plain' | 'title' | 'muted' | 'total' | 'total-incomplete' | 'error' | 'notice';

/** The Ink <Text> props a role gets. */
export interface TextStyle {
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly color?: string;
}

export type Theme = Readonly<Record<TextRole, TextStyle>>;

export const COLOUR_THEME: Theme = {
  plain: {},
  title: { bold: true },
  muted: { dimColor: true },
  total: { bold: true, color: 'green' },
  'total-incomplete': { bold: true, color: 'yellow' },
  error: { color: 'red' },
  notice: { color: 'cyan' },
};

/** No colour, bold or dim at all: every SGR attribute is a colour choice someone opted out of. */
export const PLAIN_THEME: Theme = { plain: {}, title: {}, muted: {}, total: {}, 'total-incomplete': {}, error: {}, notice: {} };

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function colourAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

export const ThemeContext = createContext<Theme>(COLOUR_THEME);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
