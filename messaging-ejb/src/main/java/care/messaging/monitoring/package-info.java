/**
 * What IT's monitoring reads of a node: the application's own metrics in the server's MicroProfile Metrics registry,
 * which the server answers at {@code /metrics} in Prometheus text (docs/operations.md lists every name). Counts and
 * states of this node only, labelled by a reason, a verdict or a problem type: no PHI, no account, practice or
 * conversation in a name or a label, so a label's values are few and known.
 * <p>
 * Decisions: the component only watches. It builds on the components it counts (their CDI events, their figures),
 * and none of them knows it, so taking it away changes nothing else. Every reference to the MicroProfile Metrics API
 * is in this component's beans, which nothing injects: a server without that API (WildFly 38 has Micrometer and
 * MicroProfile Telemetry instead) skips them as beans whose types it cannot load, and the application runs there
 * without these metrics rather than failing to deploy. Gauges that cost a query are computed at most every 30
 * seconds, however often the server is scraped.
 */
package care.messaging.monitoring;
