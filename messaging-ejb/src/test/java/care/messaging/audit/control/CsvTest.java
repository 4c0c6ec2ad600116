package care.messaging.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.messaging.audit.entity.ExportedEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetAQuote() {
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\"").transform(s -> '"' + s + '"'), Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-2-3", Csv.cell("-2-3"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
    }

    @Test
    void ordinaryCellsStayAsTheyAre() {
        assertEquals("conversation.read", Csv.cell("conversation.read"));
        assertEquals("a-b=c", Csv.cell("a-b=c"));
        assertEquals("", Csv.cell(""));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedPerRfc4180() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"one\ntwo\"", Csv.cell("one\ntwo"));
        assertEquals("\"'=1,2\"", Csv.cell("=1,2"));
    }

    @Test
    void aHeaderRowThenOneRowPerEventEachEndingInCrlf() {
        var at = OffsetDateTime.of(2026, 11, 2, 7, 30, 15, 123_456_000, ZoneOffset.UTC);
        var practice = UUID.fromString("5f0c1b7e-3d2a-4c59-9a8e-1f2b3c4d5e6f");
        var event = new ExportedEvent(practice, 3, at, null, null, null, "access.denied", "conversation.read",
                "denied", "not-found", null, null, null, null, "127.0.0.1", "-probe", "ab01");

        var csv = Csv.of(List.of(event));

        assertEquals("practiceId,no,at,actorId,actorRole,subject,action,attemptedAction,outcome,reason,"
                + "conversationId,messageId,clientId,accountId,sourceAddress,requestId,hash\r\n"
                + "5f0c1b7e-3d2a-4c59-9a8e-1f2b3c4d5e6f,3,2026-11-02T07:30:15.123456Z,,,,access.denied,"
                + "conversation.read,denied,not-found,,,,,127.0.0.1,'-probe,ab01\r\n", csv);
    }
}
