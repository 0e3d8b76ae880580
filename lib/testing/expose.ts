/**
 * Test builds only (`wxt build --mode test`): puts a few of a page's own functions on
 * `globalThis.passlightTest`, so end-to-end tests can drive the real code many times at once.
 * Call it behind `if (import.meta.env.MODE === 'test')`: a build-time constant, so production
 * builds drop the call and what it would have exposed.
 */
export function exposeForTests(functions: Record<string, unknown>): void {
  const target = globalThis as { passlightTest?: Record<string, unknown> };
  target.passlightTest = { ...target.passlightTest, ...functions };
}
