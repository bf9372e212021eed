// Style sheets of the shared widgets and of the apps' pages, linked once when a module needs them
// (the HTML shell links only the base style; CSP allows style sheets from this origin).

const linked = new Set();

/** Links the style sheet at `href` (an absolute path on this origin) once per page. */
export function ensureStylesheet(href) {
  if (linked.has(href) || document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) {
    linked.add(href);
    return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
  linked.add(href);
}
