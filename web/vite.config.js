// Builds the workspace page into web/dist, which `frontdoor workspace` serves (docs/workspace.md):
// index.html at /, everything else flat under /assets/ (the server serves no deeper folder but
// /assets/fonts and /assets/images, which scripts/copy-govuk-assets.js fills).
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    // GOV.UK Frontend's stylesheet comes minified, with an old-IE hack that lightningcss refuses.
    cssMinify: false,
    chunkSizeWarningLimit: 2000,
  },
});
