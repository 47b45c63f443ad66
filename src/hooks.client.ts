// zod compiles object checks with `new Function` when it can; the page's Content-Security-Policy forbids that (no
// unsafe-eval), and the probe alone would be reported as a violation. Jitless, zod checks the same without eval.
import { z } from 'zod';

z.config({ jitless: true });
