// What the server says about writing in a conversation (`sending` on each summary), in words: the
// reason the composer is locked, if it is, and a notice for the practitioner above the thread.

const LOCKED = {
  'messaging-off': () => 'Messaging is turned off for this practice.',
  'messaging-disabled': () => 'Messaging is turned off for this client. The conversation stays readable.',
  'client-blocked': practitioner => practitioner
    ? 'You blocked this client.'
    : 'You can no longer send messages in this conversation. You can still read it.',
  'client-discharged': () => 'This client has been discharged. The conversation is read-only.',
};

/** {lock: text or null, notice: text or null} for a reader on one side of the conversation. */
export function sendingState(summary, practitioner, practiceMessaging) {
  const sending = summary.sending || {allowed: true};
  let lock = null;
  if (!sending.allowed) {
    lock = (LOCKED[sending.reason] || (() => 'You cannot send messages in this conversation.'))(practitioner);
  } else if (!practiceMessaging) {
    lock = LOCKED['messaging-off']();
  }
  let notice = null;
  if (practitioner && sending.clientSignedUp === false) {
    notice = 'Client hasn\'t signed up yet. They will receive your messages once they create their account.';
  } else if (practitioner && sending.clientBlocked && sending.allowed) {
    notice = 'You blocked this client: they can read this conversation but cannot write to you.';
  }
  return {lock, notice};
}
