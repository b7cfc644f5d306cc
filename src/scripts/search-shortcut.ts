/**
 * `/` searches the incidents from every page, as on the incident list: where
 * the page has no search box it opens the list at `#incident-search`, and the
 * list focuses its box when opened so. The incident list handles `/` itself.
 */

const BOX = '[data-search-input]';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Listens for `/` on a page without a search box; on the incident list, focuses the box when the URL asks for it. */
export function watchSearchShortcut(): void {
  const box = document.querySelector<HTMLInputElement>(BOX);
  if (box) {
    if (location.hash === `#${box.id}`) box.focus();
    return;
  }
  const link = document.querySelector<HTMLAnchorElement>('a[data-search-shortcut]');
  if (!link) return;
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isEditable(event.target)) return;
    event.preventDefault();
    location.assign(`${link.href}#incident-search`);
  });
}
