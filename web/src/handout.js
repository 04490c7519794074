// The walkthrough as a handout: the server's Markdown (what `frontdoor walkthrough --format md`
// prints) as a file to download, and the page printed (style.css's print rules leave only the
// walkthrough; the browser's print makes the PDF).
import { element } from "./messages.js";

let lastUrl = null;

function fileName(title) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `walkthrough-${slug || "contact"}.md`;
}

export function handoutActions(title, markdown) {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
  const download = element("a", { class: "govuk-button govuk-button--secondary", id: "download-markdown", href: lastUrl,
                                  download: fileName(title), role: "button", text: "Download the handout (Markdown)" });
  const print = element("button", { type: "button", class: "govuk-button govuk-button--secondary", id: "print-handout",
                                    text: "Print the handout" });
  print.addEventListener("click", () => window.print());
  return element("div", { class: "govuk-button-group workspace-no-print", id: "handout-actions" }, [download, print]);
}
