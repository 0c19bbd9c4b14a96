// Runs first in <body>, before anything renders, so styles for JavaScript-enhanced components
// apply without a flash. An external file, because the Content Security Policy forbids inline scripts.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
