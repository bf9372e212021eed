package org.guangsha.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.ops4j.pax.exam.util.Filter;

/**
 * The Shenzhen rental line's data (issue 10, part A): the personal page SZ-1 on the sandbox's demo
 * data (张三 sees his Futian home and his ranks; 李四, not verified, is sent to verify; another citizen
 * sees nothing of 张三's; the demo organization sees its three homes) and the operators'
 * all-or-nothing CSV import. Over REST and JDBC only: the probe imports none of the line's classes.
 * The feature is not booted by the distribution yet, so the test installs it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShenzhenRentalIT extends CitizenTestSupport {

    private static final String FEATURE = "guangsha-shenzhen-rental";

    @Inject FeaturesService features;

    @Inject SessionFactory sessions;

    @Inject
    @Filter("(osgi.jndi.service.name=guangsha)")
    DataSource dataSource;

    private final HttpClient client = HttpClient.newHttpClient();

    @Before
    public void line() throws Exception {
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        await("the line answers", () -> statusOf("/api/shenzhen/rental/me") == 401);
        awaitIdentity();
    }

    @Test
    public void sz1TheDemoCitizenSeesHisHomeAndRanksOthersNothing() throws Exception {
        String zhang = demoLogin("13800000001");
        await("the sandbox's demo lease is there", () -> homes(zhang) == 1);
        JsonNode me = json(call("GET", "/api/shenzhen/rental/me", zhang, null));
        assertEquals("CITIZEN", me.path("kind").asText());
        JsonNode home = me.path("homes").get(0);
        assertTrue(home.toString(), home.path("home").path("project").asText().contains("福田"));
        assertEquals("440304", home.path("home").path("districtCode").asText());
        assertEquals("OLD", home.path("policy").asText());
        assertEquals(126_000, home.path("rentFen").asLong());
        // the lease starts on the 1st two months back: two months of arrears for the rent bills
        java.time.LocalDate thisMonth =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withDayOfMonth(1);
        assertTrue(
                home.toString(),
                !java.time.LocalDate.parse(home.path("startDate").asText())
                        .isAfter(thisMonth.minusMonths(2)));
        JsonNode residents = home.path("residents");
        assertEquals(2, residents.size());
        assertEquals("李*", residents.get(0).path("name").asText());
        assertFalse(me.toString(), me.toString().contains("李梅"));
        assertTrue(residents.get(0).path("idNumber").asText().contains("*"));
        JsonNode anju = me.path("waiting").get(0);
        assertEquals("ANJU", anju.path("listType").asText());
        assertEquals(1203, anju.path("rank").asInt());
        assertEquals(185, anju.path("change").asInt());
        assertEquals(3, anju.path("history").size());
        assertEquals("GONGZU", me.path("waiting").get(1).path("listType").asText());
        assertEquals(655, me.path("waiting").get(1).path("rank").asInt());
        // the menu: every service, honest about those not available yet
        JsonNode services = me.path("services");
        assertTrue(services.size() >= 8);
        for (JsonNode s : services) {
            assertTrue(s.toString(), s.path("path").isTextual());
            if (!s.path("available").asBoolean()) {
                assertTrue(s.toString(), s.path("reason").path("zh").isTextual());
            }
        }
        // linked for good: the lease now names 张三's account
        assertEquals(
                1,
                count(
                        "select count(*) from SZR_LEASE where LESSEE_ID = '440304199001011233'"
                                + " and ACCOUNT_ID is not null"));

        // 李四 is not verified (L1): sent to the verification, no data
        String li = demoLogin("13800000002");
        HttpResponse<String> l1 = call("GET", "/api/shenzhen/rental/me", li, null);
        assertEquals(l1.body(), 403, l1.statusCode());
        assertEquals("urn:guangsha:problem:trust-level-required", json(l1).path("type").asText());

        // another verified citizen: no home, not on the lists, nothing of 张三's
        String other = registerL2(Person.random());
        HttpResponse<String> r = call("GET", "/api/shenzhen/rental/me", other, null);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode none = json(r);
        assertEquals(0, none.path("homes").size());
        // not on a list: no rank (null members are left out of the JSON)
        assertFalse(none.toString(), none.path("waiting").get(0).path("rank").isNumber());
        assertEquals(0, none.path("waiting").get(0).path("history").size());
        assertFalse(r.body().contains("福田沙箱"));
        assertTrue(
                none.toString(),
                none.path("services").findValues("id").stream()
                        .anyMatch(s -> s.asText().equals("rent")));

        // the demo organization: its three homes with their occupants, no waiting lists
        String org = organizationLogin("91440300MA5G20260T", "Demo@2026");
        JsonNode unit = json(call("GET", "/api/shenzhen/rental/me", org, null));
        assertEquals(unit.toString(), 3, unit.path("homes").size());
        assertEquals("ORGANIZATION", unit.path("kind").asText());
        assertEquals(0, unit.path("waiting").size());
        assertEquals(
                "OCCUPANT",
                unit.path("homes").get(0).path("residents").get(0).path("role").asText());
        assertFalse(unit.toString().contains("福田沙箱"));

        // staff hold no lease; nobody gets in without a token
        String operator = staffToken(sessions, "OPERATOR", null);
        assertEquals(403, call("GET", "/api/shenzhen/rental/me", operator, null).statusCode());
        assertEquals(401, call("GET", "/api/shenzhen/rental/me", null, null).statusCode());
    }

    @Test
    public void importsAreAllOrNothingWithEveryProblem() throws Exception {
        String operator = staffToken(sessions, "OPERATOR", null);
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String person = Person.newIdNumber();
        long homesBefore = count("select count(*) from SZR_HOME");

        // a bad import: every problem of every row at once, nothing stored
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(
                "homes.csv",
                "\uFEFF房屋编号,项目,栋,房号,地址,行政区划代码\n"
                        + "IT-"
                        + tag
                        + "-1,测试项目,1栋,101,深圳市福田区测试路1号,440304\n"
                        + "IT-"
                        + tag
                        + "-2,测试项目,1栋,,深圳市福田区测试路1号,4403\n");
        bad.put(
                "leases.csv",
                "合同编号,房屋编号,承租人类型,承租人,证件号码,政策,起租日期,到期日期,月租金(元)\n"
                        + "ITL-"
                        + tag
                        + "-1,IT-"
                        + tag
                        + "-1,个人,测试,"
                        + person
                        + ",原政策,2026-01-01,2028-12-31,1260.001\n"
                        + "ITL-"
                        + tag
                        + "-2,IT-"
                        + tag
                        + "-9,个人,测试,"
                        + person
                        + ",原政策,2026-01-01,2028-12-31,900\n");
        HttpResponse<String> r = importFiles(operator, bad);
        assertEquals(r.body(), 400, r.statusCode());
        JsonNode problem = json(r);
        assertEquals("urn:guangsha:problem:import-rejected", problem.path("type").asText());
        List<String> where = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) {
            where.add(
                    e.path("file").asText()
                            + ":"
                            + e.path("row").asInt()
                            + ":"
                            + e.path("field").asText());
            assertTrue(
                    e.toString(), e.path("message").isTextual() && e.path("messageEn").isTextual());
            assertTrue(e.toString(), e.path("column").isTextual());
        }
        assertEquals(
                List.of(
                        "homes.csv:3:room",
                        "homes.csv:3:districtCode",
                        "leases.csv:2:rentYuan",
                        "leases.csv:3:homeCode"),
                where);
        assertEquals(homesBefore, count("select count(*) from SZR_HOME"));

        // the same, corrected: stored whole
        Map<String, String> good = new LinkedHashMap<>();
        good.put(
                "homes.csv",
                "homeCode,project,building,room,address,districtCode,areaM2\n"
                        + "IT-"
                        + tag
                        + "-1,测试项目,1栋,101,深圳市福田区测试路1号,440304,50.5\n"
                        + "IT-"
                        + tag
                        + "-2,测试项目,1栋,102,深圳市福田区测试路1号,440304,50.5\n");
        good.put(
                "leases.csv",
                "leaseNo,homeCode,lesseeKind,lesseeName,lesseeId,policy,startDate,endDate,rentYuan\n"
                        + "ITL-"
                        + tag
                        + "-1,IT-"
                        + tag
                        + "-1,CITIZEN,测试,"
                        + person
                        + ",NEW,2026-01-01,2028-12-31,\"1,260.50\"\n");
        good.put(
                "residents.csv",
                "leaseNo,name,idNumber,relation\nITL-"
                        + tag
                        + "-1,同住,"
                        + Person.newIdNumber()
                        + ",配偶\n");
        good.put(
                "waiting.csv",
                "listType,idNumber,name,rank,asOf\nGONGZU," + person + ",测试,42,2026-11-01\n");
        HttpResponse<String> ok = importFiles(operator, good);
        assertEquals(ok.body(), 200, ok.statusCode());
        JsonNode summary = json(ok);
        assertEquals(2, summary.path("homes").asInt());
        assertEquals(1, summary.path("leases").asInt());
        assertEquals(1, summary.path("residents").asInt());
        assertEquals(1, summary.path("waitingRanks").asInt());
        assertEquals(
                126_050,
                count("select RENT_FEN from SZR_LEASE where LEASE_NO = 'ITL-" + tag + "-1'"));

        // one active lease per home: a second one on the same home is refused, nothing stored
        Map<String, String> second = new LinkedHashMap<>();
        second.put(
                "leases.csv",
                "leaseNo,homeCode,lesseeKind,lesseeName,lesseeId,policy,startDate,endDate,rentYuan\n"
                        + "ITL-"
                        + tag
                        + "-3,IT-"
                        + tag
                        + "-2,CITIZEN,测试,"
                        + person
                        + ",NEW,2026-01-01,2028-12-31,800\n"
                        + "ITL-"
                        + tag
                        + "-4,IT-"
                        + tag
                        + "-1,CITIZEN,测试,"
                        + person
                        + ",NEW,2026-01-01,2028-12-31,800\n");
        HttpResponse<String> twice = importFiles(operator, second);
        assertEquals(twice.body(), 400, twice.statusCode());
        JsonNode only = json(twice).path("errors");
        assertEquals(only.toString(), 1, only.size());
        assertEquals(3, only.get(0).path("row").asInt());
        assertEquals("status", only.get(0).path("field").asText());
        assertEquals(
                0, count("select count(*) from SZR_LEASE where LEASE_NO = 'ITL-" + tag + "-3'"));

        // operators only
        String futian = demoLogin("futian-district");
        assertEquals(403, importFiles(futian, good).statusCode());
        String citizen = demoLogin("13800000001");
        assertEquals(403, importFiles(citizen, good).statusCode());
    }

    /** Logs a demo account in once the sandbox has created it (5 s after start). */
    private String demoLogin(String account) throws Exception {
        await(
                "demo account " + account,
                () -> {
                    try {
                        return loginResponse(account, "Demo@2026").statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
        return login(account, "Demo@2026");
    }

    private int homes(String token) {
        try {
            return json(call("GET", "/api/shenzhen/rental/me", token, null)).path("homes").size();
        } catch (Exception e) {
            return -1;
        }
    }

    private String organizationLogin(String code, String password) throws Exception {
        String id = json(get("/api/identity/captcha")).path("id").asText();
        ObjectNode body = JSON.createObjectNode();
        body.put("creditCode", code);
        body.put("password", password);
        body.put("captchaId", id);
        body.put("captchaAnswer", json(get("/api/sandbox/captcha/" + id)).path("answer").asText());
        HttpResponse<String> r = post("/api/identity/organizations/login", body);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r).path("token").asText();
    }

    private HttpResponse<String> importFiles(String token, Map<String, String> files)
            throws Exception {
        String boundary = "----szr" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String name = f.getKey().replace(".csv", "");
            b.writeBytes(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + name
                                    + "\"; filename=\""
                                    + f.getKey()
                                    + "\"\r\nContent-Type: text/csv\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            b.writeBytes(f.getValue().getBytes(StandardCharsets.UTF_8));
            b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r =
                HttpRequest.newBuilder(uri("/api/shenzhen/rental/admin/imports"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
