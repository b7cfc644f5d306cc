/** The settings astro.config.mjs read, as the pages import them (src/integrations/settings-module.ts). */
declare module 'virtual:hindsight/settings' {
  const settings: import('./lib/settings/load-config.ts').HindsightConfig;
  export default settings;
}
