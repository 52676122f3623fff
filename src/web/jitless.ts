// Imported first by the page: zod compiles fast parsers with `new Function` unless told not to, and the page's
// Content Security Policy forbids eval (even zod's probe for it would be reported as a violation).
import * as z from 'zod';

z.config({ jitless: true });
