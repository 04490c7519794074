// The "change a fact" form, made from the pack's input declaration (GET /v1/schema, the JSON Schema
// the engine derives from the pack) and filled with the contact's values: a checkbox for a boolean,
// a select for an enumeration, checkboxes for a list of an enumeration, a date input for a date, a
// number input for a number and a text input otherwise. A record that may be null (a child's open
// case) has a "none" checkbox beside its facts, and a list of records (the child's past episodes)
// a fieldset an entry, each with a "remove" checkbox, and a button that adds one; both are changed
// as a whole (one what-if gives the record or the list as the form now has it). Nothing here knows a
// field of any pack: every control comes from the schema.
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

// The value the controls under `pointer` give (each control's `pick`), built into a record by the
// controls' pointers below it; undefined when none of them gives a value.
function compose(controls, pointer, pick) {
  let record;
  for (const control of controls) {
    const value = pick(control);
    if (value === undefined) continue;
    record ??= {};
    const keys = control.pointer.slice(pointer.length + 1).split("/");
    let into = record;
    for (const key of keys.slice(0, -1)) into = into[key] ??= {};
    into[keys.at(-1)] = value;
  }
  return record;
}

const legendOf = (pointer) => pointer.slice(1).replaceAll("/", ".");

function fieldset(legend, children) {
  return element("fieldset", { class: "govuk-fieldset workspace-fact-group" }, [
    element("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s", text: legend }), ...children]);
}

// A record changed as a whole: its facts' controls, and the record they make now and made at first.
function wholeRecord(pointer, schema, contact, into) {
  const controls = [];
  addRecord(schema, contact, pointer, controls, into);
  return { read: () => compose(controls, pointer, (c) => c.read()), initial: compose(controls, pointer, (c) => c.initial) };
}

// A record or a value that may be null: its control(s) and a "none" checkbox, which wins when ticked.
function nullable(pointer, name, schema, contact, required) {
  const given = valueAt(contact, pointer);
  const group = fieldset(legendOf(pointer), []);
  const none = checkbox(`${pointer}/(none)`, `none: ${name} is null`, given === null);
  group.append(none.group);
  let inner;
  if (schema.type === "object") inner = wholeRecord(pointer, schema, contact, group);
  else {
    inner = controlFor(pointer, name, schema, given === null ? undefined : given, required, contact);
    if (!inner) return null;
    group.append(inner.group);
  }
  const read = () => (none.read() ? null : inner.read());
  const initial = given === null ? null : inner.initial;
  return { group: element("div", { class: "govuk-form-group", "data-field": pointer }, [group]), read, initial };
}

// A list of records: a fieldset an entry with a "remove" checkbox, and a button to add an entry.
function recordList(pointer, name, schema, contact) {
  const given = valueAt(contact, pointer);
  const entries = [];
  const list = element("div");
  const addEntry = () => {
    const at = `${pointer}/${entries.length}`;
    const group = fieldset(`${legendOf(pointer)}, entry ${entries.length + 1}`, []);
    const remove = checkbox(`${at}/(remove)`, `remove ${name}, entry ${entries.length + 1}`, false);
    const record = wholeRecord(at, schema.items, contact, group);
    group.append(remove.group);
    entries.push({ record, remove });
    list.append(element("div", { "data-field": at }, [group]));
  };
  for (let i = 0; i < (Array.isArray(given) ? given.length : 0); i++) addEntry();
  const add = element("button", { type: "button", class: "govuk-button govuk-button--secondary", text: `Add an entry to ${name}` });
  add.addEventListener("click", () => addEntry());
  const read = () => {
    const kept = entries.filter((entry) => !entry.remove.read()).map((entry) => entry.record.read() ?? {});
    return kept.length === 0 && given === undefined ? undefined : kept;
  };
  const initial = given === undefined ? undefined : entries.map((entry) => entry.record.initial ?? {});
  const group = element("div", { class: "govuk-form-group", "data-field": pointer }, [
    fieldset(legendOf(pointer), [list, add])]);
  return { group, read, initial };
}

const nullBranch = (schema) => schema.oneOf?.length === 2 && schema.oneOf.some((branch) => branch.type === "null");
const objectList = (schema) => schema.type === "array" && schema.items?.type === "object";

// One control for the fact at `pointer` (a scalar, a list of an enumeration, a record that may be
// null, a list of records), or null when it has none.
function controlFor(pointer, name, schema, value, required, contact) {
  if (nullBranch(schema)) return nullable(pointer, name, schema.oneOf.find((branch) => branch.type !== "null"), contact, required);
  if (objectList(schema)) return recordList(pointer, name, schema, contact);
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
      const group = fieldset(legendOf(at), []);
      addRecord(field, contact, at, controls, group);
      into.append(group);
      continue;
    }
    const control = controlFor(at, name, field, valueAt(contact, at), required.includes(name), contact);
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
