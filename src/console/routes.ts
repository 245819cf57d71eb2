import { Router } from 'express';
import type { Runtime } from '../runtime';

/** The contact-centre console (staff only), mounted at /console. */
export function consoleRouter(_rt: Runtime): Router {
  const r = Router();
  return r;
}
