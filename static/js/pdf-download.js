// Report PDFs without a frozen page. A link marked `data-pdf-download` is fetched in the
// background while the page shows that the PDF is being prepared (and for how long), then
// downloads the finished file by itself, leaving a link to save it again, with focus on it. Without JavaScript, or
// with a modifier key held (new tab, new window), the link is an ordinary link to the PDF.
(() => {
  "use strict";

  const filenameOf = (response, fallback) => {
    const header = response.headers.get("Content-Disposition") || "";
    const match = header.match(/filename="([^"]+)"/);
    return match ? match[1] : fallback;
  };

  const kilobytes = (bytes) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-GB")} KB`;

  // The status goes under the link, or under the row of buttons the link sits in.
  const statusFor = (link) => {
    const parent = link.parentElement;
    const anchor = getComputedStyle(parent).display.includes("flex") ? parent : link;
    let box = anchor.nextElementSibling;
    if (!box || !box.matches("[data-pdf-status]")) {
      box = document.createElement("div");
      box.dataset.pdfStatus = "";
      box.className = "my-2";
      anchor.insertAdjacentElement("afterend", box);
    }
    return box;
  };

  const finish = (link) => {
    delete link.dataset.busy;
    link.removeAttribute("aria-disabled");
  };

  const start = (link) => {
    if (link.dataset.busy) return;
    link.dataset.busy = "1";
    link.setAttribute("aria-disabled", "true");

    const box = statusFor(link);
    const live = document.createElement("p");
    live.setAttribute("role", "status");
    live.className = "mb-1";
    live.textContent = "Preparing the PDF. Large reports take a few seconds.";
    const bar = document.createElement("progress");
    bar.setAttribute("aria-label", "Preparing the PDF");
    const elapsed = document.createElement("span");
    elapsed.className = "small text-body-secondary ms-2";
    elapsed.setAttribute("aria-hidden", "true");
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "btn btn-link btn-sm";
    cancel.textContent = "Cancel";
    box.replaceChildren(live, bar, elapsed, cancel);

    const began = Date.now();
    const timer = window.setInterval(() => {
      elapsed.textContent = `${Math.round((Date.now() - began) / 1000)} s`;
    }, 1000);
    const controller = new AbortController();
    cancel.addEventListener("click", () => controller.abort());

    const done = (nodes) => {
      window.clearInterval(timer);
      box.replaceChildren(...nodes);
      finish(link);
    };

    fetch(link.href, { credentials: "same-origin", signal: controller.signal })
      .then(async (response) => {
        const type = response.headers.get("Content-Type") || "";
        if (response.ok && type.startsWith("application/pdf")) {
          const blob = await response.blob();
          const ready = document.createElement("p");
          ready.setAttribute("role", "status");
          ready.className = "mb-0";
          const save = document.createElement("a");
          const name = filenameOf(response, "report.pdf");
          save.href = URL.createObjectURL(blob);
          save.download = name;
          save.className = "btn btn-success btn-sm";
          save.textContent = `Save ${name} again (${kilobytes(blob.size)})`;
          ready.append(`The PDF is ready and downloading: ${name}. `, save);
          done([ready]);
          // One click: the file downloads by itself; the link stays for a browser that
          // blocked the download, or to save it again.
          save.click();
          save.focus();
          return;
        }
        if (response.status === 503) {
          // reports/pdf_failed.html: the reason is in its alert.
          const page = new DOMParser().parseFromString(await response.text(), "text/html");
          const reason = page.querySelector("main [role=alert]");
          const failed = document.createElement("p");
          failed.setAttribute("role", "alert");
          failed.className = "alert alert-warning mb-0";
          failed.textContent = reason ? reason.textContent.trim() : "The PDF could not be produced.";
          done([failed]);
          return;
        }
        // Signed out, refused or gone: let the browser show the server's own page.
        window.clearInterval(timer);
        window.location.assign(link.href);
      })
      .catch((error) => {
        const note = document.createElement("p");
        note.setAttribute("role", "status");
        note.className = "mb-0";
        note.textContent =
          error.name === "AbortError"
            ? "Stopped. The PDF was not downloaded."
            : "The PDF could not be fetched: check your connection and try again.";
        done([note]);
      });
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-pdf-download]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    start(link);
  });
})();
