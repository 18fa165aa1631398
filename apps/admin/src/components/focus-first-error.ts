/**
 * Moves focus to the first invalid control of a form after a failed submit.
 * The controls are marked invalid by the render that follows the failure, so
 * this looks on each animation frame until one is (for about a second).
 */
const MAX_FRAMES = 60;

export function focusFirstError(form: HTMLFormElement | null): void {
  let frames = 0;
  const look = () => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) return invalid.focus();
    if (++frames < MAX_FRAMES) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
