// Time in the model: rates are per year, and a step lasts dt = 1 / stepsPerYear years, so that the same years at any
// step length give the same answers within noise. A step's chance of an event of yearly rate λ is 1 − exp(−λ dt).

/** Returns the chance that an event of this yearly rate happens within dt years: 1 − exp(−rate dt). */
export function chanceIn(ratePerYear: number, dt: number): number {
  return -Math.expm1(-ratePerYear * dt);
}

/** Returns the chance within dt years of an event of which a share happens each year (share 1: certain within any step). */
export function chanceOfShareIn(sharePerYear: number, dt: number): number {
  return sharePerYear >= 1 ? 1 : -Math.expm1(Math.log1p(-sharePerYear) * dt);
}
