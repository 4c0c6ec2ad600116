/**
 * What only the embedded default (the standalone WAR on Payara Micro) has: the dev login, which mints
 * tokens with a local key pair for any enabled account ({@code messaging.dev.login=true}), and the demo
 * data ({@code messaging.demo.data=true}): two practices with synthetic people and a short message
 * history, written through the same controls and entities as real traffic so it obeys every rule real
 * messages do. The web module's build leaves this package out of the WAR it makes for the EAR, so a
 * hospital's deployment cannot switch either on: the classes are not there (system-tests checks the EAR).
 */
package care.messaging.dev;
