/**
 * Retries `check` until it stops throwing, then returns its result: for
 * reads that follow something which does not wait for the read models
 * (a token request, a projector recovering).
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
