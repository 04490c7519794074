// The GOV.UK Frontend stylesheet asks for its fonts and images at /assets/fonts and
// /assets/images: copy them from the package into the built page (web/dist).
import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const from = join(web, "node_modules", "govuk-frontend", "dist", "govuk", "assets");
for (const folder of ["fonts", "images"]) {
  mkdirSync(join(web, "dist", "assets", folder), { recursive: true });
  cpSync(join(from, folder), join(web, "dist", "assets", folder), { recursive: true });
}
