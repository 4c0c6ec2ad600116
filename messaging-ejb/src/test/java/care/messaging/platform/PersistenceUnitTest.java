package care.messaging.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The persistence unit never puts SQL parameters (message text, names) into the server log. */
class PersistenceUnitTest {

    @Test
    void eclipseLinkLogsNeitherSqlNorItsParameters() throws Exception {
        var properties = properties();

        assertEquals("false", properties.get("eclipselink.logging.parameters"));
        assertEquals("WARNING", properties.get("eclipselink.logging.level"));
    }

    static Map<String, String> properties() throws Exception {
        try (var in = PersistenceUnitTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            var nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("property");
            var properties = new HashMap<String, String>();
            for (int i = 0; i < nodes.getLength(); i++) {
                var property = (Element) nodes.item(i);
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            }
            return properties;
        }
    }
}
