package care.messaging.practice.entity;

/** What the fields of a founding refuse alike. */
final class Texts {

    private Texts() {
    }

    static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                || codePoint == '\u2028' || codePoint == '\u2029';
    }
}
