/* The risk form: a live score and band preview, and the ownership guidance, as likelihood,
 * impact and owner change.
 *
 * The server renders the same text for the first view and validates everything, so the form
 * works without this script. No inline script anywhere (the Content Security Policy forbids
 * it). The script holds no band of its own: each organisation has its own scheme, whose bands
 * (floors, labels, colours, appetite, owner seniority) arrive as JSON through Django's
 * json_script (#risk-scheme, from scheme_for_script in registers/forms/risk_preview.py), and a
 * score is only looked up in them. The wording below mirrors registers/forms/risk_preview.py
 * (ScorePreview, residual_note, owner_fit).
 */
(() => {
  "use strict";

  const form = document.querySelector("form[data-risk-form]");
  const schemeElement = document.getElementById("risk-scheme");
  if (!form || !schemeElement) return;
  const scheme = JSON.parse(schemeElement.textContent);
  const bands = scheme.bands; // lowest floor first

  const bandFor = (value) =>
    bands.reduce((found, band) => (value >= band.floor ? band : found), bands[0]);

  /** A score field's value (checked radio or select), if it is 1..5. */
  function scoreValue(name) {
    const field = form.elements.namedItem(name);
    if (!field) return null;
    const number = Number.parseInt(field.value, 10);
    return number >= 1 && number <= 5 ? number : null;
  }

  // Only touch the page where something changed, so that the live regions announce changes
  // and nothing else.
  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }
  function setHidden(element, hidden) {
    if (element && element.hidden !== hidden) element.hidden = hidden;
  }

  const groups = Array.from(form.querySelectorAll("[data-score-group]"), (element) => ({
    element,
    name: element.dataset.scoreGroup,
    likelihoodName: element.dataset.likelihood,
    impactName: element.dataset.impact,
    preview: element.querySelector("[data-score-preview]"),
  }));

  function stateOf(group) {
    const likelihood = scoreValue(group.likelihoodName);
    const impact = scoreValue(group.impactName);
    const value = likelihood && impact ? likelihood * impact : null;
    return { likelihood, impact, value, band: value === null ? null : bandFor(value) };
  }

  function residualNote(residual, inherent) {
    const notes = [];
    if (inherent && inherent.value !== null && residual.value >= inherent.value) {
      notes.push(
        `Not lower than the inherent score (${inherent.value}): the controls are at best ` +
          "stopping the risk from getting worse."
      );
    }
    if (!residual.band.withinAppetite) {
      notes.push("Still outside the appetite: consider whether the controls are adequate.");
    }
    return notes.join(" ");
  }

  function renderPreview(group, state, note) {
    const part = (name) => group.preview.querySelector(`[data-part="${name}"]`);
    const badge = part("band");
    const isTarget = group.name === "target";
    if (state.value === null) {
      setText(part("sum"), isTarget ? "No target set" : "Not scored yet");
      setHidden(badge, true);
      setText(part("meaning"), isTarget ? "" : ": choose a likelihood and an impact.");
      group.preview.style.removeProperty("--band-colour");
    } else {
      setText(part("sum"), `${state.likelihood} × ${state.impact} = ${state.value}`);
      setText(badge, state.band.label);
      badge.style.backgroundColor = state.band.colour;
      badge.style.color = state.band.textColour;
      setHidden(badge, false);
      const appetite = state.band.withinAppetite ? "within" : "outside";
      setText(part("meaning"), `: ${appetite} the risk appetite`);
      group.preview.style.setProperty("--band-colour", state.band.colour);
    }
    setText(part("note"), note);
    setHidden(part("note"), !note);
  }

  /** Show what the chosen impact level means, and mark its column in Table 2. */
  function renderImpactMeaning(group, impact) {
    const chosen = impact === null ? "" : String(impact);
    group.element.querySelectorAll("[data-impact-meaning] [data-level]").forEach((element) => {
      setHidden(element, element.dataset.level !== chosen);
    });
    group.element.querySelectorAll("[data-impact-table] [data-level]").forEach((cell) => {
      const isChosen = cell.dataset.level === chosen;
      cell.classList.toggle("is-chosen", isChosen);
      setHidden(cell.querySelector(".chosen-mark"), !isChosen);
    });
  }

  const owner = form.elements.namedItem("owner");
  const guidance = form.querySelector("[data-owner-guidance]");

  function renderOwnerGuidance(states) {
    if (!guidance) return;
    const bandLine = guidance.querySelector('[data-part="band"]');
    const fit = guidance.querySelector('[data-part="fit"]');
    const scores = [states.inherent, states.residual]
      .filter((state) => state && state.value !== null)
      .map((state) => state.value);
    const option = owner && owner.selectedOptions[0];
    const seniority = option && option.value ? Number.parseInt(option.dataset.seniority, 10) : NaN;
    if (!scores.length) {
      setText(bandLine, "Score the risk to see how senior its owner should be.");
    } else {
      const highest = Math.max(...scores);
      const band = bandFor(highest);
      setText(
        bandLine,
        `A ${band.label} risk (the higher of its inherent and residual scores is ${highest}). ` +
          band.guidance
      );
      if (!Number.isNaN(seniority)) {
        const name = option.dataset.name || option.textContent.trim();
        const level = scheme.seniority[seniority];
        const fits = seniority >= band.ownerSeniority;
        setText(
          fit,
          fits
            ? `${name} (${level} level) fits this guidance.`
            : `Check the owner: ${name} is at ${level} level; a ${band.label} risk should be ` +
                `owned at ${band.ownerSeniorityLabel} level or above.`
        );
        fit.dataset.fits = fits ? "yes" : "no";
        setHidden(fit, false);
        return;
      }
    }
    fit.dataset.fits = "";
    setHidden(fit, true);
  }

  function update() {
    const states = {};
    groups.forEach((group) => {
      states[group.name] = stateOf(group);
    });
    groups.forEach((group) => {
      const state = states[group.name];
      const note =
        group.name === "residual" && state.value !== null
          ? residualNote(state, states.inherent)
          : "";
      renderPreview(group, state, note);
      renderImpactMeaning(group, state.impact);
    });
    renderOwnerGuidance(states);
  }

  form.addEventListener("change", update);
  // Browsers restore form values on back/forward navigation: show the preview for them.
  window.addEventListener("pageshow", update);
  update();

  // After a refused save, take keyboard and screen-reader users straight to what went wrong.
  const problem = document.getElementById("error-summary") || document.getElementById("stale-edit");
  if (problem) problem.focus();
})();
