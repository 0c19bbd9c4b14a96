// On a small screen, fold the directory's filter panel behind a "Show filters" button, so the
// results come first. Without JavaScript the panel simply stays open above the results.
export function initFilterToggle() {
  for (const panel of document.querySelectorAll('[data-module="app-filter-toggle"]')) {
    if (!panel.id) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "govuk-button govuk-button--secondary app-filter-toggle";
    button.setAttribute("aria-controls", panel.id);
    const hasErrors = document.querySelector(".govuk-error-summary") !== null;
    const selected = panel.querySelectorAll(".app-filter-tag").length;
    const count = selected ? ` (${selected} selected)` : "";

    const show = (open) => {
      button.setAttribute("aria-expanded", String(open));
      button.textContent = (open ? "Hide filters" : "Show filters") + count;
      panel.classList.toggle("app-filter--collapsed", !open);
    };
    button.addEventListener("click", () => {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    panel.before(button);
    show(hasErrors);
  }
}
