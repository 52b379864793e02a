import { frenchTypography } from './format';

/** Text a person types or code shows keeps its own spaces. */
const untouched = new Set(['TEXTAREA', 'SCRIPT', 'STYLE', 'PRE', 'CODE']);

function fix(node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node as Text;
    if (text.parentElement && untouched.has(text.parentElement.tagName)) return;
    const fixed = frenchTypography(text.data);
    if (fixed !== text.data) text.data = fixed;
    return;
  }
  if (node.nodeType === Node.ELEMENT_NODE && untouched.has((node as Element).tagName)) return;
  for (const child of node.childNodes) fix(child);
}

/**
 * French typography on every text the app renders, from its own strings as from the API's (names, titles,
 * messages): a no-break space before ; : ! ? » and after «, so that they never wrap alone. Done once here,
 * on the rendered text, rather than in each of the hundreds of strings of the pages. Preact compares its own
 * virtual nodes, not the DOM's text, so a text fixed here is only written again when its value changes, and
 * is then fixed again.
 */
export function keepFrenchTypography(root: Node): MutationObserver {
  fix(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') fix(record.target);
      else for (const added of record.addedNodes) fix(added);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return observer;
}
