// Validates an OpenAPI document with a maintained validator (@seriousme/openapi-schema-validator,
// pinned in package-lock.json: the official OpenAPI 3.1 JSON Schema, its Schema Objects in the
// 2020-12 dialect), then resolves every $ref in it. Used by tests/service/check_service_openapi.py.
//
//   node web/tests/validate-openapi.js DOCUMENT.json
// prints {"valid": true, "version": "3.1"} or {"valid": false, "errors": [...]}; exits 0 when
// valid, 1 when not, 2 when the document cannot be read.
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";

const path = process.argv[2];
let document;
try {
  document = JSON.parse(readFileSync(path, "utf8"));
} catch (error) {
  console.log(JSON.stringify({ valid: false, errors: [`cannot read ${path}: ${error.message}`] }));
  process.exit(2);
}
const validator = new Validator();
const result = await validator.validate(document);
if (!result.valid) {
  console.log(JSON.stringify({ valid: false, errors: result.errors }));
  process.exit(1);
}
try {
  validator.resolveRefs();
} catch (error) {
  console.log(JSON.stringify({ valid: false, errors: [`a $ref does not resolve: ${error.message}`] }));
  process.exit(1);
}
console.log(JSON.stringify({ valid: true, version: validator.version }));
