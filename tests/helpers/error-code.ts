/** "ok" when fn succeeds, else the code of the error it threw (AppError's `code`), or the error as text. */
export async function errorCode(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
