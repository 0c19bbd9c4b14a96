// The GOV.UK timeout warning in the back office (portal.staff_sessions): before the idle
// sign-out, a dialog says how long is left and offers to stay signed in. Any click, key or
// page load counts as activity only when it reaches the server, so the timer restarts only
// when this page loads or "Stay signed in" is answered. At the sign-out nothing is lost: the
// dialog says so, and a save sent afterwards is kept until the officer signs in again.
(() => {
  const dialog = document.getElementById("timeout-warning");
  if (!dialog || typeof dialog.showModal !== "function") return;

  const time = dialog.querySelector(".app-timeout-warning__time");
  const countdown = dialog.querySelector(".app-timeout-warning__countdown");
  const announce = dialog.querySelector(".app-timeout-warning__announce");
  const stay = dialog.querySelector(".app-timeout-warning__stay");
  const heading = dialog.querySelector("h2");
  const signOut = dialog.querySelector(".app-timeout-warning__sign-out");
  let warnAfter = Number(dialog.dataset.warnAfter);
  let signOutAfter = Number(dialog.dataset.signOutAfter);
  let started = Date.now();
  let timer = null;
  let lastAnnounced = null;
  let returnFocus = null;

  const words = (seconds) => {
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60);
      return `${minutes} minute${minutes === 1 ? "" : "s"}`;
    }
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  };

  const signedOut = () => {
    window.clearInterval(timer);
    heading.textContent = "You have been signed out";
    countdown.textContent =
      "You were signed out because you were inactive. What you were doing on this page is " +
      "still here: save it, and you will be asked to sign in again before it is saved.";
    countdown.removeAttribute("aria-hidden");
    announce.textContent = "";
    stay.textContent = "Close";
    signOut.hidden = true;
  };

  const tick = () => {
    const left = Math.ceil(signOutAfter - (Date.now() - started) / 1000);
    if (left <= 0) {
      signedOut();
      return;
    }
    time.textContent = words(left);
    // Screen readers hear the time left every 20 seconds, not every second.
    const bucket = Math.ceil(left / 20);
    if (bucket !== lastAnnounced) {
      lastAnnounced = bucket;
      announce.textContent = `We will sign you out in ${words(left)}.`;
    }
  };

  const open = () => {
    if (dialog.open) return;
    returnFocus = document.activeElement;
    lastAnnounced = null;
    tick();
    dialog.showModal();
    stay.focus();
    timer = window.setInterval(tick, 1000);
  };

  const close = () => {
    window.clearInterval(timer);
    dialog.close();
    if (returnFocus && typeof returnFocus.focus === "function") returnFocus.focus();
  };

  const schedule = () => {
    started = Date.now();
    window.setTimeout(open, warnAfter * 1000);
  };

  stay.addEventListener("click", async () => {
    if (stay.textContent === "Close") {
      close();
      return;
    }
    try {
      const response = await fetch(dialog.dataset.keepAliveUrl, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const answer = response.ok ? await response.json() : { signed_in: false };
      if (!answer.signed_in) {
        signedOut();
        return;
      }
      warnAfter = Number(answer.warn_after);
      signOutAfter = Number(answer.sign_out_after);
    } catch {
      // Offline for a moment: the server decides at the next request.
    }
    close();
    schedule();
  });
  // The dialog, and so this button, exists only with JavaScript: it sends the sign-out form.
  signOut.addEventListener("click", () => signOut.form.submit());
  // Escape is "Stay signed in", as closing the warning is in the GOV.UK pattern.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    stay.click();
  });

  schedule();
})();
