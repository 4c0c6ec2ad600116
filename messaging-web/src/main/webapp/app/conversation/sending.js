// What the server says about writing in a conversation (`sending` on each summary), in words: the
// reason the composer is locked, if it is, and a notice for the practitioner above the thread. Each side
// is spoken to as the reader: the practitioner about the client, the client (or guardian) as "you".

const FOR_PRACTITIONER = {
  'messaging-off': 'Messaging is turned off for this practice.',
  'messaging-disabled': 'Messaging is turned off for this client. The conversation stays readable.',
  'client-blocked': 'You blocked this client.',
  'client-discharged': 'This client has been discharged. The conversation is read-only.',
};

const FOR_CLIENT = {
  'messaging-off': 'You can\'t send messages right now. You can still read this conversation.',
  'messaging-disabled': 'You can\'t send messages in this conversation right now. You can still read it.',
  'client-blocked': 'You can\'t send messages in this conversation. You can still read it.',
  'client-discharged': 'You can\'t send messages in this conversation. You can still read it.',
};

/** Why the reader cannot write, for a refusal's problem type (`reason`), in the reader's words. */
export function lockText(reason, practitioner) {
  return (practitioner ? FOR_PRACTITIONER : FOR_CLIENT)[reason] || 'You can\'t send messages in this conversation.';
}

/** {lock: text or null, notice: text or null} for a reader on one side of the conversation. */
export function sendingState(summary, practitioner, practiceMessaging) {
  const sending = summary.sending || {allowed: true};
  let lock = null;
  if (!sending.allowed) {
    lock = lockText(sending.reason, practitioner);
  } else if (!practiceMessaging) {
    lock = lockText('messaging-off', practitioner);
  }
  let notice = null;
  if (practitioner && sending.clientSignedUp === false) {
    notice = 'Client hasn\'t signed up yet. They will receive your messages once they create their account.';
  } else if (practitioner && sending.clientBlocked && sending.allowed) {
    notice = 'You blocked this client: they can read this conversation but cannot write to you.';
  }
  return {lock, notice};
}
