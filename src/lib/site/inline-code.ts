/**
 * The only inline code Hindsight's pages carry. The Content-Security-Policy
 * allows exactly these by hash, computed from this module, never from the
 * built HTML: whatever else is inline on a page (a post-mortem's, say) is blocked.
 */

/**
 * Before first paint: marks that scripts run (`.js-only` parts show) and applies a remembered theme, so the page
 * never flashes the other one. Key: src/scripts/theme.ts THEME_KEY.
 */
export const THEME_INIT_SCRIPT =
  "document.documentElement.classList.add('js');try{var t=localStorage.getItem('hindsight-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t;}catch(e){}";

export const INLINE_SCRIPTS: readonly string[] = [THEME_INIT_SCRIPT];
export const INLINE_STYLES: readonly string[] = [];
