// A first sign-in without an invitation code: when the directory does not know the provider's subject yet, the
// server may bind it to the one prepared account the provider's verified e-mail or a claim IT maps names
// (POST /api/me/binding; off unless IT switched it on). Asked once, only after GET /api/me said unknown-account,
// so a known person's sign-in costs nothing more.
import {ProblemError} from '../platform/api.js';

/**
 * Who the signed-in person is (GET /api/me). Unknown to the directory, the sign-in is bound once if the server
 * can, and `me` read again; if it cannot (no match, or binding is off), the original unknown-account problem
 * is what the caller gets, as before.
 */
export async function whoAmI(api) {
  try {
    return await api.get('me');
  } catch (problem) {
    if (!(problem instanceof ProblemError) || problem.type !== 'unknown-account') {
      throw problem;
    }
    try {
      await api.post('me/binding');
    } catch (refusal) {
      throw refusal instanceof ProblemError ? problem : refusal;
    }
    return api.get('me');
  }
}
