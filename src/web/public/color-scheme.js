// Applies the saved light/dark choice before the first paint so the page never flashes the wrong scheme.
// Mantine stores it under this key (localStorageColorSchemeManager default).
(function () {
  var value = 'auto';
  try {
    value = window.localStorage.getItem('mantine-color-scheme-value') || 'auto';
  } catch {
    // Storage can be blocked (private mode, strict settings): fall back to the system preference.
  }
  if (value !== 'light' && value !== 'dark') {
    value = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', value);
})();
