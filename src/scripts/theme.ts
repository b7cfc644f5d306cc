/**
 * The theme toggle. The layout's inline head script applies a remembered
 * choice before paint; this wires the button that changes and remembers it,
 * labelled with what a press does.
 */

/** localStorage key for the reader's theme choice; the layout's inline script reads the same key. */
export const THEME_KEY = 'hindsight-theme';

type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Shows every `[data-theme-toggle]` button and makes it switch and remember the theme. */
export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    // The label names the action ("Dark theme" switches to dark), so it never claims the theme already shown.
    const sync = () => {
      const shown = currentTheme();
      button.dataset.shows = shown;
      const label = button.querySelector('[data-theme-toggle-label]');
      if (label) label.textContent = shown === 'dark' ? 'Light theme' : 'Dark theme';
      button.title = shown === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme';
    };
    sync();
    button.hidden = false;
    button.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch {
        // Storage can be disabled (private modes); the choice then lasts for this page only.
      }
      sync();
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
  }
}
