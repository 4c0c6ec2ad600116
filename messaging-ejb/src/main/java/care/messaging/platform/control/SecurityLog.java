package care.messaging.platform.control;

/**
 * The one logger of security events (refused credentials, ciphertexts that fail authentication, malware, key
 * changes), named {@value #NAME} whatever component logs them, so a SIEM selects them by the logger name in the
 * server's JSON log lines (docs/operations.md, "JSON logs") and IT can raise or lower them as one. Its lines carry
 * ids, reasons and key ids, never PHI, as every log line here.
 */
public final class SecurityLog {

    public static final String NAME = "care.messaging.security";
    public static final System.Logger LOGGER = System.getLogger(NAME);

    private SecurityLog() {
    }
}
