/**
 * Keys and authenticated encryption: the key ring loaded from IT's keystore, AEAD for row columns bound
 * to their table, row and column, key rotation and re-encryption, and the audit trail's MAC key.
 */
package care.messaging.crypto;
