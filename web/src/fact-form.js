// The "change a fact" form, made from the pack's input declaration (GET /v1/schema, the JSON Schema
// the engine derives from the pack) and filled with the contact's values: a checkbox for a boolean,
// a select for an enumeration, checkboxes for a list of an enumeration, a date input for a date, a
// number input for a number and a text input otherwise. Lists of records and values that may be
// null are not offered (the pasted contact is the way to change those). Nothing here knows a field
// of any pack: every control comes from the schema.
import { element } from "./messages.js";

const notGiven = "(not given)";

// The fact at `pointer` ("/child/birth_date") of `contact`, or undefined.
function valueAt(contact, pointer) {
  return pointer.split("/").slice(1).reduce((value, key) => (value == null ? undefined : value[key]), contact);
}

const controlId = (pointer) => "fact" + pointer.replaceAll("/", "-").replace(/[^A-Za-z0-9_-]/g, "_");

function labelled(pointer, name, control, hint) {
  const id = controlId(pointer);
  control.id = id;
  const children = [element("label", { class: "govuk-label", for: id, text: name })];
  if (hint) {
    children.push(element("div", { class: "govuk-hint", id: `${id}-hint`, text: hint }));
    control.setAttribute("aria-describedby", `${id}-hint`);
  }
  return element("div", { class: "govuk-form-group", "data-field": pointer }, [...children, control]);
}

function checkbox(pointer, name, checked) {
  const id = controlId(pointer);
  const input = element("input", { class: "govuk-checkboxes__input", id, type: "checkbox" });
  input.checked = checked;
  const item = element("div", { class: "govuk-checkboxes__item" }, [
    input, element("label", { class: "govuk-label govuk-checkboxes__label", for: id, text: name })]);
  const group = element("div", { class: "govuk-form-group", "data-field": pointer }, [
    element("div", { class: "govuk-checkboxes govuk-checkboxes--small", "data-module": "govuk-checkboxes" }, [item])]);
  return { group, read: () => input.checked, initial: input.checked };
}

function select(pointer, name, options, value, required) {
  const control = element("select", { class: "govuk-select" });
  for (const option of required ? options : [notGiven, ...options]) control.append(element("option", { value: option, text: option }));
  control.value = value === undefined ? notGiven : String(value);
  return { group: labelled(pointer, name, control), read: () => (control.value === notGiven ? undefined : control.value),
           initial: value };
}

function several(pointer, name, options, values) {
  const boxes = options.map((option, index) => {
    const id = `${controlId(pointer)}-${index}`;
    const input = element("input", { class: "govuk-checkboxes__input", id, type: "checkbox", value: option });
    input.checked = values.includes(option);
    return element("div", { class: "govuk-checkboxes__item" }, [
      input, element("label", { class: "govuk-label govuk-checkboxes__label", for: id, text: option })]);
  });
  const fieldset = element("fieldset", { class: "govuk-fieldset" }, [
    element("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s", text: name }),
    element("div", { class: "govuk-checkboxes govuk-checkboxes--small", "data-module": "govuk-checkboxes" }, boxes)]);
  const read = () => [...fieldset.querySelectorAll("input:checked")].map((input) => input.value);
  // Compared in the declaration's order, so that the contact's own order is no change.
  const initial = options.filter((option) => values.includes(option));
  // A long list (the indicators, the census factors) is folded away, its summary saying what is ticked.
  const shown = options.length <= 8 ? fieldset : element("details", { class: "govuk-details" }, [
    element("summary", { class: "govuk-details__summary" }, [element("span", { class: "govuk-details__summary-text",
      text: `${name}: ${initial.length ? initial.join(", ") : "none ticked"}` })]),
    element("div", { class: "govuk-details__text" }, [fieldset])]);
  return { group: element("div", { class: "govuk-form-group", "data-field": pointer }, [shown]), read, initial };
}

function typed(pointer, name, schema, value) {
  const kind = schema.format === "date" ? "date" : schema.type === "integer" || schema.type === "number" ? "number" : "text";
  const control = element("input", { class: `govuk-input ${kind === "text" ? "govuk-!-width-one-half" : "govuk-input--width-10"}`, type: kind });
  if (kind === "text") control.setAttribute("spellcheck", "false");
  control.value = value === undefined ? "" : String(value);
  const hint = schema.format === "date-time" ? "A date and time, such as 2024-02-08T10:00:00Z" : undefined;
  const read = () => (control.value === "" ? undefined : kind === "number" ? Number(control.value) : control.value);
  return { group: labelled(pointer, name, control, hint), read, initial: value };
}

// One control for the scalar (or list of an enumeration) at `pointer`, or null when it has none.
function controlFor(pointer, name, schema, value, required) {
  if (schema.type === "boolean") return checkbox(pointer, name, value === true);
  if (schema.enum) return select(pointer, name, schema.enum, value, required);
  if (schema.type === "array" && schema.items?.enum) return several(pointer, name, schema.items.enum, value ?? []);
  if (["string", "integer", "number"].includes(schema.type)) return typed(pointer, name, schema, value);
  return null;
}

// The controls of a record, its nested records in their own fieldsets, in the declaration's order.
function addRecord(schema, contact, pointer, controls, into) {
  const required = schema.required ?? [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const at = `${pointer}/${name}`;
    if (field.type === "object") {
      const fieldset = element("fieldset", { class: "govuk-fieldset workspace-fact-group" }, [
        element("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s", text: at.slice(1).replaceAll("/", ".") })]);
      addRecord(field, contact, at, controls, fieldset);
      into.append(fieldset);
      continue;
    }
    const control = controlFor(at, name, field, valueAt(contact, at), required.includes(name));
    if (!control) continue;
    controls.push({ pointer: at, ...control });
    into.append(control.group);
  }
}

// The form's element, and `changes()`: a what-if for each control whose value differs from the
// contact's ({field, value}, or {field, absent: true} for one cleared).
export function factForm(schema, contact) {
  const controls = [];
  const body = element("div", { class: "workspace-fact-form" });
  addRecord(schema, contact, "", controls, body);
  const changes = () => controls.flatMap(({ pointer, read, initial }) => {
    const now = read();
    if (JSON.stringify(now) === JSON.stringify(initial)) return [];
    return now === undefined ? [{ field: pointer, absent: true }] : [{ field: pointer, value: now }];
  });
  return { body, changes };
}
