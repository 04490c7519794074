// Asks for a bearer token when the workspace was started with --tokens and the server answered
// 401: a GOV.UK form with one password field. The token is kept for this tab (sessionStorage).
import { hasToken, setToken } from "./api.js";
import { element } from "./messages.js";

export function askForToken() {
  const rejected = hasToken();
  const input = element("input", { class: `govuk-input${rejected ? " govuk-input--error" : ""}`, id: "token", name: "token",
                                   type: "password", autocomplete: "off", spellcheck: "false",
                                   "aria-describedby": rejected ? "token-hint token-error" : "token-hint" });
  const group = element("div", { class: `govuk-form-group${rejected ? " govuk-form-group--error" : ""}` }, [
    element("label", { class: "govuk-label govuk-label--s", for: "token", text: "Your access token" }),
    element("div", { class: "govuk-hint", id: "token-hint", text: "The person who runs this workspace gives you one." }),
  ]);
  if (rejected) {
    group.append(element("p", { class: "govuk-error-message", id: "token-error" }, [
      element("span", { class: "govuk-visually-hidden", text: "Error:" }), " The token was not accepted",
    ]));
  }
  group.append(input);
  const form = element("form", { id: "token-form", novalidate: "" }, [
    group, element("button", { type: "submit", class: "govuk-button", text: "Continue" })]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    location.reload();
  });
  const main = document.getElementById("main-content");
  main.replaceChildren(element("h1", { class: "govuk-heading-l", text: "Sign in to the workspace" }), form);
  input.focus();
}
