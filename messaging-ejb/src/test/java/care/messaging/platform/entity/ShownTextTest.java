package care.messaging.platform.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ShownTextTest {

    @Test
    void everyBidiEmbeddingOverrideAndIsolateControlIsRemoved() {
        var controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
        for (var c : controls.toCharArray()) {
            assertEquals("report.txt", ShownText.clean("report" + c + ".txt"), Integer.toHexString(c));
        }
        assertEquals("invoice_cod.exe", ShownText.clean("invoice_\u202Eexe.doc\u202C".replace("exe.doc", "cod.exe")));
    }

    @Test
    void aLoneSurrogateIsDroppedAndAPairIsKept() {
        assertEquals("ab", ShownText.clean("a\uD83Db"));
        assertEquals("ab", ShownText.clean("a\uDE00b"));
        assertEquals("a\uD83D\uDE00b", ShownText.clean("a\uD83D\uDE00b"), "an emoji stays");
        assertEquals("a", ShownText.clean("a\uD83D"), "a high surrogate at the end");
    }

    @Test
    void otherTextIsLeftAsWritten() {
        var text = "Dr. Rivera — שלום, مرحبا 👩‍⚕️";
        assertSame(text, ShownText.clean(text));
        assertNull(ShownText.clean(null));
    }
}
