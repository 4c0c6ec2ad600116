/**
 * Demo data for the embedded default ({@code messaging.demo.data=true}, set only by the run command and
 * by tests): two practices with synthetic people and a short message history, written through the same
 * controls and entities as real traffic so it obeys every rule real messages do. Never on in an EAR.
 */
package care.messaging.demo;
