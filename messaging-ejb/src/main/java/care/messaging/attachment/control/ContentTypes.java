package care.messaging.attachment.control;

import care.messaging.attachment.entity.DetectedType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A file's type from its first {@value #HEAD} bytes, by Tika's magic detector (tika-core: no parsers), then
 * IT's allowlist. Two things tika-core cannot do alone are done here: it calls DOCX and XLSX both
 * {@code application/x-tika-ooxml} (a ZIP whose first entry is {@code [Content_Types].xml}; telling them
 * apart is tika-parsers' job), so that first entry is read (inflating at most {@value #CONTENT_TYPES_MAX}
 * bytes) and its main part's content type decides: Word, Excel, or (macro-enabled, or anything else) not
 * allowed. And some types are never taken whatever the allowlist says: executables, scripts, HTML, SVG
 * (which can carry script), and every type Tika registers beneath them.
 */
@ApplicationScoped
public class ContentTypes {

    /** How much of a file decides its type: what Tika's magic looks at. */
    public static final int HEAD = 64 * 1024;
    static final int CONTENT_TYPES_MAX = 64 * 1024;

    static final String OOXML = "application/x-tika-ooxml";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DEFAULT_ALLOWED = "application/pdf,image/png,image/jpeg,image/heic,image/gif,image/webp,text/plain,"
            + DOCX + "," + XLSX + ",application/vnd.oasis.opendocument.text";
    static final Set<String> NEVER = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "application/x-msdownload", "application/x-dosexec", "application/x-ms-installer", "application/x-elf",
            "application/x-executable", "application/x-sharedlib", "application/x-mach-o", "application/x-mach-o-executable",
            "application/java-archive", "application/java-vm", "application/x-sh", "application/x-csh", "application/x-bat",
            "text/x-python", "text/x-perl", "text/x-php", "application/x-httpd-php", "text/javascript", "application/javascript",
            "application/x-ms-shortcut", "application/vnd.microsoft.portable-executable");

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TIKA.getMediaTypeRegistry();

    @Inject
    @ConfigProperty(name = "messaging.attachments.allowed-types", defaultValue = DEFAULT_ALLOWED)
    String allowedTypes;

    private Set<String> allowed;

    public ContentTypes() {
    }

    /** Outside the container, with the given comma-separated allowlist. */
    public ContentTypes(String allowedTypes) {
        this.allowedTypes = allowedTypes;
        init();
    }

    @PostConstruct
    void init() {
        allowed = Arrays.stream(allowedTypes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The types IT allows (the allowlist without the ones never taken): what the apps offer in a file picker. */
    public java.util.List<String> allowed() {
        return allowed.stream().filter(type -> !never(type)).sorted().toList();
    }

    /** The type of a file whose first bytes are {@code head[0..length)} (all of it if shorter than {@link #HEAD}). */
    public DetectedType of(byte[] head, int length) {
        var type = detect(head, length);
        return new DetectedType(type, allowed.contains(type) && !never(type));
    }

    static String detect(byte[] head, int length) {
        try {
            var detected = TIKA.detect(new ByteArrayInputStream(head, 0, Math.min(length, HEAD)), new Metadata()).getBaseType().toString();
            return detected.equals(OOXML) ? officeType(head, length) : detected;
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes already in memory failed", e);
        }
    }

    /** Which OOXML file this is, from its first entry, [Content_Types].xml; "application/zip" if it cannot be told. */
    static String officeType(byte[] head, int length) {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(head, 0, length))) {
            var entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals("[Content_Types].xml")) {
                return "application/zip";
            }
            var types = new String(zip.readNBytes(CONTENT_TYPES_MAX), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (types.contains("macroenabled") || types.contains("vbaproject")) {
                return "application/vnd.ms-office.macroenabled"; // never on the default allowlist
            }
            if (types.contains("wordprocessingml.document.main+xml")) {
                return DOCX;
            }
            if (types.contains("spreadsheetml.sheet.main+xml")) {
                return XLSX;
            }
            return OOXML;
        } catch (IOException truncatedOrBroken) {
            return "application/zip";
        }
    }

    /** Is this type, or any type Tika files it under, one never taken? */
    static boolean never(String type) {
        for (var t = MediaType.parse(type); t != null; t = REGISTRY.getSupertype(t)) {
            if (NEVER.contains(t.getBaseType().toString())) {
                return true;
            }
        }
        return false;
    }
}
