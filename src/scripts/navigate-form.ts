/**
 * Forms marked `data-navigate` go to their action by navigation instead of by
 * submission: the Content-Security-Policy says `form-action 'none'`, so that no
 * form on a page can send anything anywhere. (Such forms are `js-only`.)
 */
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-navigate]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)])).toString();
    location.assign(query ? `${form.action}?${query}` : form.action);
  });
}
