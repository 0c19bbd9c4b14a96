// "Print this list", "Print this page": each button comes in the HTML `hidden`, and CSS keeps it
// hidden (GOV.UK's button styles would otherwise show it), so a browser without JavaScript
// never shows a button that does nothing. The page prints well from the browser's menu anyway.
export function initPrintButtons() {
  if (typeof window.print !== "function") return;
  for (const button of document.querySelectorAll('[data-module="app-print"]')) {
    button.addEventListener("click", () => window.print());
    button.hidden = false;
  }
}
