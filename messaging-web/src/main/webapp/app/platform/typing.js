// Search as you type: a query goes out once the typing has paused, and only the answer to the newest
// query is shown. Answers come back in any order (a short query is often the slower one to answer), so
// an older answer that arrives late is dropped instead of replacing what the newer query found.

export const PAUSE_MS = 250;

/**
 * Calls ask(query) PAUSE_MS after the last input event on input (or at once through the returned
 * function, e.g. for Enter) and hands its answer to show(answer, query) if no newer query was asked in
 * the meantime. An empty query is not asked: show(null, '') clears instead. ask may throw; show then
 * gets the error as the answer.
 */
export function asYouType(input, ask, show) {
  let asked = 0;
  let timer;
  const now = async () => {
    clearTimeout(timer);
    const query = input.value.trim();
    const mine = ++asked;
    if (!query) {
      show(null, '');
      return;
    }
    let answer;
    try {
      answer = await ask(query);
    } catch (error) {
      answer = error;
    }
    if (mine === asked) {
      show(answer, query);
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(now, PAUSE_MS);
  });
  return now;
}
