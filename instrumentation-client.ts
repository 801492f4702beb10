// Next.js runs this in the browser before the app's own modules and before hydration; it must sit at the
// project root for Next to find it.
import { z } from "zod";

// Zod compiles parsers with `new Function` when it may, and finds out on its first parse by calling
// Function(""), which the page's CSP (no 'unsafe-eval') refuses and reports. Set here, before any module
// can parse, the browser interprets schemas instead; the server keeps compiled parsers.
z.config({ jitless: true });
