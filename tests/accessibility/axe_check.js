// Runs axe-core (WCAG 2.x A and AA rules, and best practices) on each HTML file named on the
// command line, in jsdom. Prints one JSON line per file: its violations, each with the rule
// and the start of each offending element. Colour contrast needs a layout engine and is
// left to the palette tests.
const fs = require("fs");
const { JSDOM } = require("jsdom");

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

(async () => {
  for (const file of process.argv.slice(2)) {
    const dom = new JSDOM(fs.readFileSync(file, "utf8"), {
      runScripts: "outside-only",
      pretendToBeVisual: true,
    });
    dom.window.eval(axeSource);
    const result = await dom.window.axe.run(dom.window.document, {
      resultTypes: ["violations"],
      rules: { "color-contrast": { enabled: false } },
    });
    const violations = result.violations.map((violation) => ({
      rule: violation.id,
      nodes: violation.nodes.map((node) => node.html.slice(0, 120)),
    }));
    console.log(JSON.stringify({ file, violations }));
  }
})();
