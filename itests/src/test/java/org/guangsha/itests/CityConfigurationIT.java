package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The shipped city configuration (config/ → etc/) reaches the platform as written: Karaf reads
 * {@code .cfg} files as ISO-8859-1, so a Chinese value must be written as backslash-u escapes; raw
 * UTF-8 would print the city's name and the lessors garbled on documents and contracts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CityConfigurationIT extends GuangshaTestSupport {

    /** UTF-8 bytes read as ISO-8859-1: a lead byte (Ã…ï) followed by continuation bytes. */
    private static final Pattern MOJIBAKE = Pattern.compile("[\\u00c2-\\u00ef][\\u0080-\\u00bf]");

    @Inject ConfigurationAdmin configAdmin;

    @Test
    public void chineseValuesOfTheShippedConfigurationAreReadAsChinese() throws Exception {
        assertEquals("广厦示范城市", value("org.guangsha.documents", "city.name"));
        assertEquals("深圳市住房和建设局", value("org.guangsha.shenzhen.rental", "lessor.name"));
        assertEquals("项目管理服务中心", value("org.guangsha.selection", "checkin.place"));
        List<String> garbled = new ArrayList<>();
        Configuration[] all = configAdmin.listConfigurations("(service.pid=org.guangsha.*)");
        assertNotNull("the platform's configurations are loaded", all);
        for (Configuration c : all) {
            Dictionary<String, Object> props = c.getProperties();
            for (String key : Collections.list(props.keys())) {
                Object v = props.get(key);
                if (v instanceof String s && MOJIBAKE.matcher(s).find()) {
                    garbled.add(c.getPid() + " " + key + " = " + s);
                }
            }
        }
        assertTrue("garbled: " + garbled, garbled.isEmpty());
        assertFalse(MOJIBAKE.matcher("广厦示范城市").find());
        assertTrue(
                MOJIBAKE.matcher(
                                new String(
                                        "广厦".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                        java.nio.charset.StandardCharsets.ISO_8859_1))
                        .find());
    }

    private String value(String pid, String key) throws Exception {
        Configuration c = configAdmin.getConfiguration(pid, null);
        assertNotNull(pid + " is configured", c.getProperties());
        return (String) c.getProperties().get(key);
    }
}
