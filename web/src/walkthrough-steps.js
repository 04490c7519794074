// The walkthrough one step at a time: the step list (links, the current one marked in words as well
// as in bold) beside one step's panel, with Previous and Next. Step 0 is the facts read and the
// last is the decision; the steps between are the engine's, each with its protocol clause. Every
// panel is in the page (the others hidden), so that the printed handout holds them all.
import { element } from "./messages.js";

function line(text) {
  return element("li", { text });
}

// The pages: the facts, each step of the engine's walkthrough, the decision.
function pagesOf(walkthrough) {
  const facts = { heading: "The facts read", source: "", lines: walkthrough.facts };
  const decision = { heading: "The decision", source: "", lines: walkthrough.result };
  return [facts, ...walkthrough.steps, decision];
}

function panel(page, index, count) {
  const children = [
    element("span", { class: "govuk-caption-m", text: `Step ${index + 1} of ${count}` }),
    element("h4", { class: "govuk-heading-m workspace-step-heading", text: page.heading }),
  ];
  if (page.source) {
    children.push(element("p", { class: "govuk-body workspace-citation" }, [
      element("strong", { class: "govuk-tag govuk-tag--grey", text: "Protocol" }), ` ${page.source}`]));
  }
  children.push(element("ul", { class: "govuk-list govuk-list--bullet" }, page.lines.map(line)));
  return element("section", { class: "workspace-step", id: `walkthrough-step-${index}`, "aria-label": `Step ${index + 1}: ${page.heading}` }, children);
}

// The steps of `walkthrough` laid out in `slot`; returns nothing, the buttons drive it.
export function showSteps(slot, walkthrough) {
  const pages = pagesOf(walkthrough);
  const panels = pages.map((page, index) => panel(page, index, pages.length));
  const links = pages.map((page, index) => {
    const link = element("a", { class: "govuk-link", href: `#walkthrough-step-${index}`, text: `${index + 1}. ${page.heading}` });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      go(index);
    });
    return link;
  });
  const previous = element("button", { type: "button", class: "govuk-button govuk-button--secondary", id: "step-previous", text: "Previous step" });
  const next = element("button", { type: "button", class: "govuk-button govuk-button--secondary", id: "step-next", text: "Next step" });
  const status = element("p", { class: "govuk-body govuk-visually-hidden", role: "status", "aria-live": "polite" });
  let current = 0;
  function go(index) {
    current = Math.max(0, Math.min(pages.length - 1, index));
    panels.forEach((p, i) => { p.hidden = i !== current; });
    links.forEach((l, i) => {
      if (i === current) l.setAttribute("aria-current", "step");
      else l.removeAttribute("aria-current");
    });
    previous.disabled = current === 0;
    next.disabled = current === pages.length - 1;
    status.textContent = `Step ${current + 1} of ${pages.length}: ${pages[current].heading}`;
  }
  previous.addEventListener("click", () => go(current - 1));
  next.addEventListener("click", () => go(current + 1));
  const list = element("ol", { class: "govuk-list workspace-step-list" }, links.map((link) => element("li", {}, [link])));
  const nav = element("nav", { class: "govuk-grid-column-one-third workspace-no-print", "aria-label": "Steps of the walkthrough" }, [list]);
  const main = element("div", { class: "govuk-grid-column-two-thirds" }, [
    ...panels, element("div", { class: "govuk-button-group workspace-no-print" }, [previous, next]), status]);
  slot.replaceChildren(element("div", { class: "govuk-grid-row" }, [nav, main]));
  go(0);
}
