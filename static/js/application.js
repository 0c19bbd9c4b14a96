// Loaded as a module: browsers too old for modules get the plain HTML, which works on its own.
import { initAll } from "../build/govuk/govuk-frontend.min.js";
import { initFilterToggle } from "./filter-toggle.js";
import { initPrintButtons } from "./print-button.js";
import { initResultsMap } from "./results-map.js";

initAll();
initFilterToggle();
initPrintButtons();
initResultsMap();
