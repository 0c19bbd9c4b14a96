// A "Print this list" button, shown only when JavaScript can print; the page prints well anyway.
export function initPrintButtons() {
  for (const button of document.querySelectorAll('[data-module="app-print"]')) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
}
