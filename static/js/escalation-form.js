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
}());
