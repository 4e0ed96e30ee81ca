// Runs before the page's modules. zod checks whether it may compile code (`new Function`) as each object schema
// is built, when the shared schemas load, before the page could call z.config(); extension pages forbid eval, and
// the CSP reports the probe as a violation even though zod catches the error. zod takes this object as its config.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig ?? {}, { jitless: true });
