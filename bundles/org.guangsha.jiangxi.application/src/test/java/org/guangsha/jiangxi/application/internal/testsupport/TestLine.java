package org.guangsha.jiangxi.application.internal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.guangsha.jiangxi.application.internal.ApplicationAccess;
import org.guangsha.jiangxi.application.internal.Categories;
import org.guangsha.jiangxi.application.internal.JiangxiConfiguration;
import org.guangsha.jiangxi.application.internal.store.ApplicationEntity;
import org.guangsha.jiangxi.application.internal.store.MemberEntity;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.casework.CaseEvent;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.casework.NewCase;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.rest.ProblemException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The line on a fresh in-memory H2 database (its migrations, the unit {@code guangsha-jiangxi} on
 * OpenJPA as in the running platform) with fakes of the core: cases, regions (Jiangxi: 南昌市 with 东湖区
 * and 青山湖区) and attachments, and the shipped applicant categories.
 */
public final class TestLine implements AutoCloseable {

    /** The shipped categories file, from the module's folder. */
    public static final Path CATEGORIES = Path.of("../../config/guangsha/jiangxi-categories.json");

    /** 东湖区, 南昌市. */
    public static final String DONGHU = "360102";

    /** An applicant citizen. */
    public static final Caller APPLICANT = citizen("acc-applicant");

    /** Another citizen. */
    public static final Caller STRANGER = citizen("acc-stranger");

    /** A caseworker of 南昌市 (covers 东湖区). */
    public static final Caller NANCHANG_CASEWORKER =
            new Caller("acc-nc", AccountKind.STAFF, TrustLevel.L3, Set.of("CASEWORKER"), "360100");

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final EntityManagerFactory emf;
    public final JpaTransactions tx;
    public final FakeCases cases = new FakeCases();
    public final FakeAttachments attachments = new FakeAttachments();
    public final Categories categories;
    private String housingAuthority = "";
    public final ApplicationAccess access;

    public TestLine() throws Exception {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String sql : statements(read("/db/migration/V1__application.sql"))) {
                st.execute(sql);
            }
        }
        emf =
                new PersistenceProviderImpl()
                        .createEntityManagerFactory(
                                "guangsha-jiangxi",
                                Map.of("javax.persistence.nonJtaDataSource", dataSource));
        tx = new JpaTransactions(emf);
        try (InputStream in = Files.newInputStream(CATEGORIES)) {
            categories = Categories.read(in);
        }
        access = ApplicationAccess.forTests(tx, cases, regions(), config(), categories);
    }

    /** The authority printed on the commitment letter (empty: the city's). */
    public void housingAuthority(String name) {
        housingAuthority = name;
    }

    /** A verified citizen. */
    public static Caller citizen(String accountId) {
        return new Caller(accountId, AccountKind.CITIZEN, TrustLevel.L2, Set.of("CITIZEN"), null);
    }

    /**
     * An application of {@link #APPLICANT} in 东湖区 with the face check passed, of a category, in a
     * DRAFT case.
     */
    public String application(String categoryCode, String channel) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        tx.run(
                em -> {
                    ApplicationEntity a = new ApplicationEntity(id);
                    a.accountId(APPLICANT.accountId());
                    // one open application per citizen: later ones stand for closed ones
                    boolean open =
                            em.createQuery(
                                                    "SELECT COUNT(a) FROM ApplicationEntity a"
                                                            + " WHERE a.openAccountId = :o",
                                                    Long.class)
                                            .setParameter("o", APPLICANT.accountId())
                                            .getSingleResult()
                                    > 0;
                    a.openAccountId(open ? null : APPLICANT.accountId());
                    a.regionCode(DONGHU);
                    a.channel(channel);
                    a.consentVersion("2024.09");
                    a.faceMethod("FACE");
                    a.faceVerifiedAt(now);
                    a.applicationType(Categories.IN_KIND);
                    a.categoryCode(categoryCode);
                    a.createdAt(now);
                    a.updatedAt(now);
                    em.persist(a);
                });
        cases.put(id, CaseStatus.DRAFT, channel);
        return id;
    }

    /** Adds a member at the next position; returns its id. */
    public String member(
            String caseId, String relation, String name, String idNumber, String maritalStatus) {
        String id = UUID.randomUUID().toString();
        tx.run(
                em -> {
                    long n =
                            em.createQuery(
                                            "SELECT COUNT(m) FROM MemberEntity m WHERE m.caseId = :c",
                                            Long.class)
                                    .setParameter("c", caseId)
                                    .getSingleResult();
                    MemberEntity m = new MemberEntity(id);
                    m.caseId(caseId);
                    m.position((int) n);
                    m.relation(relation);
                    m.name(name);
                    m.idNumber(idNumber);
                    m.mobile("SELF".equals(relation) ? "13800000001" : null);
                    m.maritalStatus(maritalStatus);
                    em.persist(m);
                });
        return id;
    }

    /** {@code SELECT COUNT(*)} of a query. */
    public long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of the first row, or null. */
    public String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() {
        emf.close();
    }

    private JiangxiConfiguration config() {
        return new JiangxiConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return JiangxiConfiguration.class;
            }

            @Override
            public String province_code() {
                return "360000";
            }

            @Override
            public String categories_file() {
                return CATEGORIES.toString();
            }

            @Override
            public String review_levels() {
                return "county,city";
            }

            @Override
            public String agreement_version() {
                return "2024.09";
            }

            @Override
            public String housing_authority() {
                return housingAuthority;
            }
        };
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = TestLine.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The script's statements: comments dropped, split at semicolons ending a line. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return Arrays.stream(sql.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** 江西省 › 南昌市 › 东湖区, 青山湖区. */
    public static Regions regions() {
        Region donghu = new Region(DONGHU, "DISTRICT", LocalizedText.of("东湖区", "Donghu"), null);
        Region qingshanhu =
                new Region("360111", "DISTRICT", LocalizedText.of("青山湖区", "Qingshanhu"), null);
        Region nanchang =
                new Region(
                        "360100",
                        "CITY",
                        LocalizedText.of("南昌市", "Nanchang"),
                        List.of(donghu, qingshanhu));
        Region jiangxi =
                new Region(
                        "360000",
                        "PROVINCE",
                        LocalizedText.of("江西省", "Jiangxi"),
                        List.of(nanchang));
        Map<String, Region> all =
                Map.of("360000", jiangxi, "360100", nanchang, DONGHU, donghu, "360111", qingshanhu);
        return new Regions() {
            @Override
            public List<Region> tree() {
                return List.of(jiangxi);
            }

            @Override
            public Optional<Region> region(String code) {
                return Optional.ofNullable(code == null ? null : all.get(code));
            }

            @Override
            public boolean covers(String scope, String code) {
                return scope.equals(code)
                        || ("360000".equals(scope) && all.containsKey(code))
                        || ("360100".equals(scope) && code.startsWith("3601"));
            }

            @Override
            public boolean mayAct(Caller caller, String code) {
                return caller.roles().contains("OPERATOR")
                        || (caller.roles().contains("CASEWORKER")
                                && caller.regionCode() != null
                                && covers(caller.regionCode(), code));
            }

            @Override
            public void checkScope(Caller caller, String code) {
                if (!mayAct(caller, code)) {
                    throw ProblemException.forbidden("out of region", "out of region");
                }
            }
        };
    }

    /** Cases by id; only {@link #find} is used by the parts under test. */
    public static final class FakeCases implements CaseService {

        private final Map<String, CaseRecord> cases = new HashMap<>();

        /** Puts (or replaces) a case of the applicant. */
        public void put(String id, CaseStatus status, String channel) {
            Instant created = Instant.parse("2026-11-23T02:00:00Z");
            cases.put(
                    id,
                    new CaseRecord(
                            id,
                            "SQ20261123-0000001",
                            "jiangxi-public-rental",
                            APPLICANT.accountId(),
                            DONGHU,
                            Channel.valueOf(channel),
                            null,
                            status,
                            status == CaseStatus.DRAFT ? 0 : 1,
                            null,
                            1,
                            created,
                            status == CaseStatus.DRAFT ? null : created.plusSeconds(3600),
                            null));
        }

        @Override
        public Optional<CaseRecord> find(String caseId) {
            return Optional.ofNullable(cases.get(caseId));
        }

        @Override
        public CaseRecord create(NewCase newCase) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CaseRecord> ofApplicant(String applicantId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaseRecord save(String caseId, String actorId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaseRecord submit(String caseId, String actorId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CaseEvent> timeline(String caseId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaseRecord note(String caseId, String type, String actorId, String remark) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * Attachments in memory, with the core's rules the line relies on: filing refuses another
     * owner's file with 404, unfiling refuses a file not filed with 404.
     */
    public static final class FakeAttachments implements AttachmentService {

        private final Map<String, Attachment> all = new LinkedHashMap<>();
        private final Map<String, List<String>> filed = new HashMap<>();
        private int seq;

        /** Stores an upload of an owner. */
        public Attachment add(String ownerId, String kind) {
            return put(ownerId, kind, Attachment.UPLOAD, null);
        }

        /** Stores an electronic licence fetched by an owner, of a person (masked name). */
        public Attachment licence(String ownerId, String kind, String subjectName) {
            return put(ownerId, kind, "licence:sandbox", subjectName);
        }

        private Attachment put(String ownerId, String kind, String source, String subject) {
            seq++;
            Attachment a =
                    new Attachment(
                            "att-" + seq,
                            ownerId,
                            kind,
                            kind + ".jpg",
                            "image/jpeg",
                            1000 + seq,
                            "sha" + seq,
                            source,
                            subject,
                            Instant.parse("2026-11-23T02:00:00Z").plusSeconds(seq),
                            false);
            all.put(a.id(), a);
            return a;
        }

        /** The ids filed with a case. */
        public List<String> filedWith(String caseId) {
            return List.copyOf(filed.getOrDefault(caseId, List.of()));
        }

        @Override
        public Attachment upload(String ownerId, String kind, String fileName, byte[] content) {
            return add(ownerId, kind);
        }

        @Override
        public Optional<Attachment> find(Caller caller, String attachmentId) {
            return Optional.ofNullable(all.get(attachmentId))
                    .filter(a -> a.ownerId().equals(caller.accountId()));
        }

        @Override
        public List<Attachment> list(String ownerId, String kind) {
            List<Attachment> out = new ArrayList<>();
            for (Attachment a : all.values()) {
                if (a.ownerId().equals(ownerId) && (kind == null || kind.equals(a.kind()))) {
                    out.add(0, a);
                }
            }
            return out;
        }

        @Override
        public Optional<byte[]> content(Caller caller, String attachmentId) {
            return Optional.empty();
        }

        @Override
        public void fileWithCase(String caseId, String ownerId, Collection<String> ids) {
            for (String id : ids) {
                Attachment a = all.get(id);
                if (a == null || !a.ownerId().equals(ownerId)) {
                    throw ProblemException.notFound(null);
                }
            }
            List<String> list = filed.computeIfAbsent(caseId, k -> new ArrayList<>());
            ids.stream().filter(id -> !list.contains(id)).forEach(list::add);
        }

        @Override
        public void unfileFromCase(String caseId, String ownerId, String attachmentId) {
            Attachment a = all.get(attachmentId);
            List<String> list = filed.getOrDefault(caseId, new ArrayList<>());
            if (a == null || !a.ownerId().equals(ownerId) || !list.remove(attachmentId)) {
                throw ProblemException.notFound(null);
            }
        }

        @Override
        public List<Attachment> ofCase(String caseId) {
            return filed.getOrDefault(caseId, List.of()).stream().map(all::get).toList();
        }

        @Override
        public void freezeCase(String caseId) {
            throw new UnsupportedOperationException();
        }
    }
}
