/* People pickers with type-ahead: a select marked data-person-search becomes an editable
 * combobox (the ARIA Authoring Practices "combobox with listbox popup, list autocomplete"
 * pattern) that asks the server for matching people as the person types.
 *
 * Progressive enhancement: the select stays in the form, hidden, and is what is submitted;
 * without this script it is an ordinary select of everyone the person may choose. The label
 * that named the select names the text box instead; the select's description (hint, errors)
 * describes it. Arriving selects the chosen name, so typing replaces it. Keys: Down and Up move through the suggestions (Down opens them), Enter
 * chooses, Escape closes them (or, closed, clears the text), Tab leaves as usual. A polite
 * live region says how many people were found.
 */
(function () {
  "use strict";

  const MIN_CHARS = 2;
  const DELAY_MS = 200;
  let counter = 0;

  function enhance(select) {
    counter += 1;
    const id = select.id || `person-picker-${counter}`;
    const listId = `${id}-suggestions`;
    const statusId = `${id}-status`;
    const url = select.dataset.personSearch;

    const wrapper = document.createElement("div");
    wrapper.className = "person-picker";
    const input = document.createElement("input");
    input.type = "text";
    input.className = select.className.replace("form-select", "form-control");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    // The server says what is missing (the error summary): a hidden required select would
    // only stop the form silently.
    select.required = false;
    for (const name of ["aria-describedby", "aria-invalid"]) {
      if (select.hasAttribute(name)) input.setAttribute(name, select.getAttribute(name));
    }
    const list = document.createElement("ul");
    list.id = listId;
    list.className = "person-picker-list list-unstyled";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    const status = document.createElement("div");
    status.id = statusId;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    const hint = document.createElement("div");
    hint.id = `${id}-typeahead-hint`;
    hint.className = "form-text";
    hint.textContent = "Type two or more letters of a name or job title, then choose from the list.";
    input.setAttribute(
      "aria-describedby",
      [input.getAttribute("aria-describedby"), hint.id].filter(Boolean).join(" ")
    );

    // The label (for="<the select's id>") now names the text box, which takes that id.
    select.id = `${id}-select`;
    input.id = id;
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;

    select.parentNode.insertBefore(wrapper, select);
    wrapper.append(input, hint, list, status);
    wrapper.append(select);

    const chosenText = () => {
      const option = select.selectedOptions[0];
      return option && option.value ? option.textContent.trim() : "";
    };
    input.value = chosenText();

    let active = -1;
    let results = [];
    let timer = null;
    let asked = 0;

    function options() {
      return Array.from(list.querySelectorAll('[role="option"]'));
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!results.length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function highlight(index) {
      const all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function choose(person) {
      let option = Array.from(select.options).find((o) => o.value === String(person.id));
      if (!option) {
        option = new Option(person.label, String(person.id));
        select.add(option);
      }
      if (person.name) option.dataset.name = person.name;
      if (person.seniority !== null && person.seniority !== undefined) {
        option.dataset.seniority = String(person.seniority);
      }
      select.value = option.value;
      input.value = option.textContent.trim();
      select.dispatchEvent(new Event("change", { bubbles: true }));
      status.textContent = `${input.value} chosen.`;
      close();
    }

    function clearChoice() {
      const empty = Array.from(select.options).find((o) => o.value === "");
      if (empty && select.value !== "") {
        select.value = "";
        select.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }

    function render() {
      list.replaceChildren();
      results.forEach((person, index) => {
        const item = document.createElement("li");
        item.id = `${id}-option-${index}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.className = "person-picker-option";
        item.textContent = person.label;
        // mousedown, not click: choose before the text box's blur closes the list.
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(person);
        });
        list.append(item);
      });
      const count = results.length;
      status.textContent = count
        ? `${count} ${count === 1 ? "person" : "people"} found: use the down arrow to choose.`
        : "Nobody found: try another spelling, or part of the name.";
      if (count) open();
      else close();
    }

    async function search(query) {
      asked += 1;
      const mine = asked;
      const address = `${url}${url.includes("?") ? "&" : "?"}q=${encodeURIComponent(query)}`;
      try {
        const response = await fetch(address, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (!response.ok) throw new Error(String(response.status));
        const data = await response.json();
        if (mine !== asked) return; // a later search has been asked: its answer counts
        results = data.results || [];
        render();
      } catch (error) {
        if (mine !== asked) return;
        results = [];
        list.replaceChildren();
        close();
        status.textContent = "The search did not answer: try again.";
      }
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      const query = input.value.trim();
      if (!query) {
        clearChoice();
        results = [];
        list.replaceChildren();
        close();
        return;
      }
      if (query.length < MIN_CHARS) {
        close();
        return;
      }
      timer = window.setTimeout(() => search(query), DELAY_MS);
    });

    input.addEventListener("keydown", (event) => {
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (list.hidden) open();
          highlight(active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (list.hidden) open();
          highlight(active - 1);
          break;
        case "Enter":
          if (!list.hidden && active >= 0) {
            event.preventDefault(); // choose, do not submit the form
            choose(results[active]);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            clearChoice();
          }
          break;
        default:
          break;
      }
    });

    // Arriving at a chosen person selects their name, so typing starts a new search.
    input.addEventListener("focus", () => input.select());

    input.addEventListener("blur", () => {
      close();
      // Text that was not chosen from the list is not a choice: show the choice in force.
      if (input.value.trim() && input.value.trim() !== chosenText()) {
        input.value = chosenText();
      }
    });
  }

  function start() {
    document.querySelectorAll("select[data-person-search]").forEach(enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
