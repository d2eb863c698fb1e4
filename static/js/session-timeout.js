// Warn before a session is signed out for want of use (WCAG 2.2.1, Timing Adjustable), and
// never let what someone is typing be lost to the timeout.
//
// The server signs a session out after `data-session-idle-seconds` without a request
// (riskreg/security.py). This script asks the server how long is left (asking does not count
// as use) and, two minutes before the end:
//   - if the person has typed or clicked on the page lately, keeps the session alive quietly;
//   - otherwise shows a warning with a "Stay signed in" button.
// If the time runs out, it says so and that whatever was typed is still on the page. Another
// tab's activity counts too: the server's answer, not this page's clock, decides.
(() => {
  "use strict";

  const body = document.body;
  const statusUrl = body.dataset.sessionStatusUrl;
  const keepaliveUrl = body.dataset.sessionKeepaliveUrl;
  if (!statusUrl || !keepaliveUrl) return; // signed out: nothing to time

  const IDLE_SECONDS = Number(body.dataset.sessionIdleSeconds);
  const WARN_SECONDS = Math.min(120, Math.floor(IDLE_SECONDS / 2));
  let typed = false; // typed or clicked on this page since it last counted as use
  let timer = null;
  let box = null;

  for (const type of ["keydown", "input", "pointerdown"]) {
    document.addEventListener(type, () => { typed = true; }, { capture: true, passive: true });
  }

  const csrfToken = () => {
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  };

  const later = (seconds) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(1, seconds) * 1000);
  };

  const clearBox = () => {
    if (box) box.remove();
    box = null;
  };

  const showBox = (role, nodes) => {
    clearBox();
    box = document.createElement("div");
    box.className = "alert alert-warning session-timeout";
    box.setAttribute("role", role);
    box.append(...nodes);
    const main = document.getElementById("main");
    main.insertBefore(box, main.firstChild);
    return box;
  };

  const keepAlive = async () => {
    const response = await fetch(keepaliveUrl, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": csrfToken() },
    });
    if (response.status !== 204) return false;
    typed = false;
    return true;
  };

  const signedOut = () => {
    window.clearTimeout(timer);
    const text = document.createElement("p");
    text.className = "mb-0";
    text.textContent =
      "You have been signed out because riskreg was not used for a while. " +
      "Anything you typed is still on this page: copy it before you leave, then sign in again.";
    showBox("alert", [text]);
  };

  const warn = (secondsLeft) => {
    const text = document.createElement("p");
    text.className = "mb-2";
    const minutes = Math.max(1, Math.round(secondsLeft / 60));
    text.textContent =
      `You will be signed out in about ${minutes} minute${minutes === 1 ? "" : "s"} ` +
      "because riskreg has not been used.";
    const stay = document.createElement("button");
    stay.type = "button";
    stay.className = "btn btn-primary btn-sm";
    stay.textContent = "Stay signed in";
    stay.addEventListener("click", async () => {
      if (await keepAlive()) {
        clearBox();
        later(IDLE_SECONDS - WARN_SECONDS);
      } else {
        signedOut();
      }
    });
    showBox("alert", [text, stay]);
  };

  async function check() {
    let response;
    try {
      response = await fetch(statusUrl, { credentials: "same-origin", redirect: "manual" });
    } catch {
      later(30); // offline for a moment: ask again soon
      return;
    }
    if (response.type === "opaqueredirect" || response.status !== 200) {
      signedOut();
      return;
    }
    const { seconds_left: left } = await response.json();
    if (left > WARN_SECONDS + 5) {
      clearBox();
      later(left - WARN_SECONDS);
      return;
    }
    // Typing into a form is use of riskreg, though it sends nothing until saved.
    if (typed && (await keepAlive())) {
      clearBox();
      later(IDLE_SECONDS - WARN_SECONDS);
      return;
    }
    if (left <= 0) {
      signedOut();
      return;
    }
    warn(left);
    later(left + 2);
  }

  later(IDLE_SECONDS - WARN_SECONDS);
})();
