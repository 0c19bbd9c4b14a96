// An import's progress page (templates/admin/directory/importjob/progress.html) works without
// JavaScript: its "Refresh" link reloads it. With JavaScript, the bar and count follow the
// import every two seconds, and the page reloads once to show the result when it has finished.
const EVERY_MS = 2000;

function follow(region) {
  const bar = region.querySelector("progress");
  const state = region.querySelector("#import-state");
  const count = region.querySelector(".import-progress-count");
  const check = async () => {
    let progress;
    try {
      const response = await fetch(region.dataset.progressUrl, { credentials: "same-origin" });
      if (!response.ok) return;
      progress = await response.json();
    } catch {
      return; // the Refresh link still works
    }
    if (progress.finished) {
      window.location.reload();
      return;
    }
    bar.value = progress.percent;
    bar.textContent = `${progress.percent}%`;
    state.textContent = progress.state_label;
    if (progress.state === "saving") {
      count.textContent = `All ${progress.rows_total} rows checked: saving them together.`;
    } else if (progress.rows_total) {
      count.textContent = `${progress.rows_checked} of ${progress.rows_total} rows checked.`;
    }
    window.setTimeout(check, EVERY_MS);
  };
  window.setTimeout(check, EVERY_MS);
}

for (const region of document.querySelectorAll('[data-module="import-progress"]')) {
  follow(region);
}
