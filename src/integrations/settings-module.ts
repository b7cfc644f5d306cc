/**
 * Passes the settings astro.config.mjs read to the pages and the content
 * collection as a virtual module (`virtual:hindsight/settings`, as Starlight
 * passes its user config), so they are read once per process and nothing the
 * pages import reads the environment.
 */
import type { AstroIntegration } from 'astro';
import type { HindsightConfig } from '../lib/settings/load-config.ts';

export const SETTINGS_MODULE = 'virtual:hindsight/settings';
const RESOLVED = `\0${SETTINGS_MODULE}`;

export function settingsModule(settings: HindsightConfig): AstroIntegration {
  return {
    name: 'hindsight:settings',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'hindsight:settings',
                resolveId: (id: string) => (id === SETTINGS_MODULE ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? `export default ${JSON.stringify(settings)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
