// The proposal form: keep the count of factors that hold, and the recommendation, up to date
// as the proposer ticks (the server counts again on submit; this is only a guide).
(function () {
  "use strict";
  var form = document.getElementById("proposal-form");
  if (!form) { return; }
  var summary = form.querySelector("[data-summary]");
  var derived = parseInt(form.dataset.derivedHeld, 10);
  var total = parseInt(form.dataset.total, 10);
  var recommendAt = parseInt(form.dataset.recommendAt, 10);
  function update() {
    var held = derived + form.querySelectorAll("[data-factor-tick]:checked").length;
    summary.textContent = held + " of " + total + " factors hold. The policy looks for at least " +
      recommendAt + ": " + (held >= recommendAt ? "escalation is recommended."
        : "escalation is not yet recommended, so make your case below.");
  }
  form.addEventListener("change", function (event) {
    if (event.target.matches("[data-factor-tick]")) { update(); }
  });
  // The count stays in view at the top of the window as the proposer scrolls: keep whatever
  // takes the focus clear of it (WCAG 2.4.11 Focus Not Obscured), moving backwards too.
  var banner = document.getElementById("factor-summary");
  function clearOfBanner(event) {
    if (!banner || event.target === banner || banner.contains(event.target)) { return; }
    var covered = banner.getBoundingClientRect().bottom + 8;
    var top = event.target.getBoundingClientRect().top;
    if (top < covered) { window.scrollBy(0, top - covered); }
  }
  form.addEventListener("focusin", clearOfBanner);
  function padding() {
    if (banner) {
      document.documentElement.style.scrollPaddingTop = (banner.offsetHeight + 8) + "px";
    }
  }
  window.addEventListener("resize", padding);
  padding();
  // The browser may restore ticks (back button, a refused submit): count what is ticked now.
  update();
}());
