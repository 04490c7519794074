// The GOV.UK error summary and notification banner, as the Design System gives them.

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// Shows "There is a problem" with `message` and one item per problem ({text, href}); focuses it.
export function showErrorSummary(message, problems) {
  const slot = document.getElementById("error-summary-slot");
  const list = element("ul", { class: "govuk-list govuk-error-summary__list" });
  for (const problem of problems) {
    const item = element("li");
    item.append(problem.href ? element("a", { href: problem.href, text: problem.text }) : problem.text);
    list.append(item);
  }
  const summary = element("div", { class: "govuk-error-summary", "data-module": "govuk-error-summary", tabindex: "-1" }, [
    element("div", { role: "alert" }, [
      element("h2", { class: "govuk-error-summary__title", text: "There is a problem" }),
      element("div", { class: "govuk-error-summary__body" }, [element("p", { class: "govuk-body", text: message }), list]),
    ]),
  ]);
  slot.replaceChildren(summary);
  summary.focus();
}

export function clearErrorSummary() {
  document.getElementById("error-summary-slot").replaceChildren();
}

// A green "Success" banner saying `text`, with `more` (elements) below it.
export function showBanner(text, more = []) {
  const slot = document.getElementById("banner-slot");
  const banner = element("div", { class: "govuk-notification-banner govuk-notification-banner--success", role: "alert",
                                   "aria-labelledby": "banner-title" }, [
    element("div", { class: "govuk-notification-banner__header" }, [
      element("h2", { class: "govuk-notification-banner__title", id: "banner-title", text: "Success" }),
    ]),
    element("div", { class: "govuk-notification-banner__content" }, [
      element("p", { class: "govuk-notification-banner__heading", text }),
      ...more,
    ]),
  ]);
  slot.replaceChildren(banner);
}

export function clearBanner() {
  document.getElementById("banner-slot").replaceChildren();
}

export { element };
