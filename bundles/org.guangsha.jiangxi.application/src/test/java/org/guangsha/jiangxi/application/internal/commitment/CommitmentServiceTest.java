package org.guangsha.jiangxi.application.internal.commitment;

import static org.guangsha.jiangxi.application.internal.testsupport.TestLine.APPLICANT;
import static org.guangsha.jiangxi.application.internal.testsupport.TestLine.NANCHANG_CASEWORKER;
import static org.guangsha.jiangxi.application.internal.testsupport.TestLine.STRANGER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guangsha.jiangxi.application.internal.store.ApplicationEntity;
import org.guangsha.jiangxi.application.internal.store.MaterialEntity;
import org.guangsha.jiangxi.application.internal.testsupport.TestLine;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentStatus;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.DocumentVerification;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.identity.TrustLevel;
import org.guangsha.platform.internal.document.DocumentTemplates;
import org.guangsha.platform.internal.document.TemplateMarkup;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JX-7: the authorization commitment letter is filled from the family (co-applicants with masked ID
 * numbers, the city's housing authority), printed unsigned, signed on screen (issued by the core
 * with the applicant's signature; a new one revokes the old) or uploaded as the applicant's photo.
 */
class CommitmentServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final String ADULT = ResidentIdNumber.withCheckCharacter("36010219900101123");
    private static final String SPOUSE = ResidentIdNumber.withCheckCharacter("36010219920202222");
    private static final String CHILD = ResidentIdNumber.withCheckCharacter("36010220150601001");

    /** A 1×1 PNG. */
    private static final byte[] PNG =
            Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                                    + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static final String DATA_URL =
            "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);

    private TestLine line;
    private FakeDocuments documents;
    private CommitmentService service;

    @BeforeEach
    void setUp() throws Exception {
        line = new TestLine();
        documents = new FakeDocuments();
        service =
                new CommitmentService(
                        line.access,
                        documents,
                        line.attachments,
                        new Directory(),
                        Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        line.close();
    }

    @Test
    void theLetterIsFilledFromTheFamily() {
        String id = family();

        Map<String, String> v = values(id, "");

        assertEquals("南昌市住房保障部门", v.get("housingAuthorityName"));
        assertEquals("南昌市", v.get("cityName"));
        assertEquals("张三", v.get("applicantName"));
        assertEquals(ADULT, v.get("applicantIdNumber"));
        assertEquals("13800000001", v.get("applicantPhone"));
        assertEquals(
                "李梅（配偶），身份证号 3601**********"
                        + SPOUSE.substring(14)
                        + "\n张小明（子女），身份证号 3601**********"
                        + CHILD.substring(14),
                v.get("coApplicants"));
        assertEquals("", v.get("signedOn"));
        // every placeholder of the core's template has a value; the platform adds its own
        Set<String> keys =
                new HashSet<>(
                        TemplateMarkup.placeholderKeys(
                                DocumentTemplates.text(CommitmentService.DOCUMENT_TYPE)));
        keys.removeAll(Set.of("documentNumber", "issueDate", "validUntil", "holderName"));
        assertEquals(keys, v.keySet());
        TemplateMarkup.parse(DocumentTemplates.text(CommitmentService.DOCUMENT_TYPE), v);
    }

    @Test
    void theCitysAuthorityFromTheConfigurationAndTheAccountBeforeTheFamily() {
        line.housingAuthority("南昌市住房保障和房产管理局");
        String id = line.application("dibao", "MOBILE");

        Map<String, String> v = values(id, "");

        assertEquals("南昌市住房保障和房产管理局", v.get("housingAuthorityName"));
        assertEquals("张三丰", v.get("applicantName"), "the account's name");
        assertEquals("13800000009", v.get("applicantPhone"));
        assertEquals("无", v.get("coApplicants"));
    }

    @Test
    void theUnsignedLetterIsRenderedNotIssued() {
        String id = family();

        byte[] pdf = service.unsignedPdf(APPLICANT, id);

        assertArrayEquals(FakeDocuments.PDF, pdf);
        assertEquals(
                DocumentTemplates.text(CommitmentService.DOCUMENT_TYPE),
                documents.renderedTemplate);
        assertEquals("", documents.renderedValues.get("signedOn"));
        assertEquals(0, documents.issued.size());
        assertStatus(404, () -> service.unsignedPdf(STRANGER, id));
        // caseworkers act for the applicant only on applications filed at the counter (JX-1)
        assertStatus(404, () -> service.unsignedPdf(NANCHANG_CASEWORKER, id));
    }

    @Test
    void signingOnScreenIssuesTheLetterAndANewSignatureRevokesTheOld() {
        String id = family();

        ApplicationEntity first = service.sign(APPLICANT, id, DATA_URL);

        assertEquals(CommitmentService.SIGNED_ON_SCREEN, first.commitmentMode());
        assertEquals("doc-1", first.commitmentDocumentId());
        assertNull(first.commitmentAttachmentId());
        assertEquals(NOW, first.commitmentAt());
        IssueRequest r = documents.issued.get(0);
        assertEquals("authorization-commitment-letter", r.typeId());
        assertEquals(APPLICANT.accountId(), r.holderId());
        assertEquals(TestLine.DONGHU, r.regionCode());
        assertEquals(id, r.caseId());
        assertEquals("2026年11月23日", r.values().get("signedOn"));
        assertArrayEquals(PNG, documents.signatures.get(0).get("applicant"));

        ApplicationEntity second = service.sign(APPLICANT, id, DATA_URL);

        assertEquals("doc-2", second.commitmentDocumentId());
        assertEquals(List.of("doc-1"), documents.revoked);
    }

    @Test
    void aSignatureMustBeAPngDataUrl() {
        String id = family();

        assertField("image", () -> service.sign(APPLICANT, id, null));
        assertField("image", () -> service.sign(APPLICANT, id, "data:image/jpeg;base64,AAAA"));
        assertField("image", () -> service.sign(APPLICANT, id, "data:image/png;base64,@@@"));
        assertField(
                "image",
                () ->
                        service.sign(
                                APPLICANT,
                                id,
                                "data:image/png;base64,"
                                        + Base64.getEncoder().encodeToString(new byte[] {1, 2})));
        assertEquals(0, documents.issued.size());
        assertStatus(404, () -> service.sign(STRANGER, id, DATA_URL));
        // the core's refusal of an empty pad names the field the client sent
        documents.refuse =
                ProblemException.invalidField(
                        "signature", "签名为空，请在签名板上手写签名", "The signature is empty");
        assertField("image", () -> service.sign(APPLICANT, id, DATA_URL));
    }

    @Test
    void anUploadedPhotoReplacesTheSignedLetter() throws Exception {
        String id = family();
        service.sign(APPLICANT, id, DATA_URL);
        Attachment photo = line.attachments.add(APPLICANT.accountId(), "signed-letter");

        ApplicationEntity v = service.upload(APPLICANT, id, photo.id());

        assertEquals(CommitmentService.UPLOADED, v.commitmentMode());
        assertEquals(photo.id(), v.commitmentAttachmentId());
        assertNull(v.commitmentDocumentId());
        assertEquals(List.of("doc-1"), documents.revoked);
        assertEquals(List.of(photo.id()), line.attachments.filedWith(id));
        assertEquals(
                "UPLOADED",
                line.text(
                        "SELECT COMMITMENT_MODE FROM JX_APPLICATION WHERE CASE_ID = '" + id + "'"));

        // a second photo takes the first off the case
        Attachment again = line.attachments.add(APPLICANT.accountId(), "signed-letter");
        service.upload(APPLICANT, id, again.id());
        assertEquals(List.of(again.id()), line.attachments.filedWith(id));
    }

    @Test
    void onlyTheApplicantsSignedLetterIsTakenAlsoAtTheCounter() {
        String id = line.application("dibao", "COUNTER");
        line.member(id, "SELF", "张三", ADULT, "UNMARRIED");
        Attachment others = line.attachments.add(STRANGER.accountId(), "signed-letter");
        Attachment staffs = line.attachments.add(NANCHANG_CASEWORKER.accountId(), "signed-letter");
        Attachment wrongKind = line.attachments.add(APPLICANT.accountId(), "dibao-certificate");
        Attachment applicants = line.attachments.add(APPLICANT.accountId(), "signed-letter");

        assertStatus(404, () -> service.upload(APPLICANT, id, others.id()));
        assertStatus(404, () -> service.upload(NANCHANG_CASEWORKER, id, staffs.id()));
        assertField("attachmentId", () -> service.upload(APPLICANT, id, wrongKind.id()));
        assertField("attachmentId", () -> service.upload(APPLICANT, id, null));

        ApplicationEntity v = service.upload(NANCHANG_CASEWORKER, id, applicants.id());
        assertEquals(applicants.id(), v.commitmentAttachmentId());
    }

    @Test
    void aPhotoAlsoFiledAsAMaterialStaysOnTheCase() {
        String id = family();
        Attachment photo = line.attachments.add(APPLICANT.accountId(), "signed-letter");
        service.upload(APPLICANT, id, photo.id());
        // pretend the same file also fills a material
        line.tx.run(
                em -> {
                    MaterialEntity row = new MaterialEntity("m1");
                    row.caseId(id);
                    row.materialCode("housing-situation");
                    row.attachmentId(photo.id());
                    row.filedBy(APPLICANT.accountId());
                    row.filedAt(NOW);
                    em.persist(row);
                });

        service.sign(APPLICANT, id, DATA_URL);

        assertEquals(List.of(photo.id()), line.attachments.filedWith(id));
    }

    @Test
    void theDayIsPrintedTheChineseWay() {
        assertEquals("2026年1月5日", CommitmentService.day(LocalDate.of(2026, 1, 5)));
    }

    private String family() {
        String id = line.application("dibao", "MOBILE");
        line.member(id, "SELF", "张三", ADULT, "MARRIED");
        line.member(id, "SPOUSE", "李梅", SPOUSE, "MARRIED");
        line.member(id, "CHILD", "张小明", CHILD, "UNMARRIED");
        return id;
    }

    private Map<String, String> values(String id, String signedOn) {
        return service.values(line.tx.read(em -> em.find(ApplicationEntity.class, id)), signedOn);
    }

    private static void assertStatus(int status, Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(status, e.problem().status(), e.problem().toString());
    }

    private static void assertField(String field, Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.problem().status(), e.problem().toString());
        assertEquals(field, e.problem().errors().get(0).field(), e.problem().toString());
    }

    /** The applicant's account: 张三丰 (the family step may name the applicant otherwise). */
    private static final class Directory implements AccountDirectory {
        @Override
        public Optional<AccountProfile> find(String accountId) {
            return APPLICANT.accountId().equals(accountId)
                    ? Optional.of(
                            new AccountProfile(
                                    accountId,
                                    AccountKind.CITIZEN,
                                    "张三丰",
                                    ADULT,
                                    "13800000009",
                                    TrustLevel.L2))
                    : Optional.empty();
        }

        @Override
        public Optional<AccountProfile> citizenByIdNumber(String idNumber) {
            return Optional.empty();
        }
    }

    /** Records what the line asks of the core's documents. */
    static final class FakeDocuments implements DocumentService {

        static final byte[] PDF = {'%', 'P', 'D', 'F'};

        final List<IssueRequest> issued = new ArrayList<>();
        final List<Map<String, byte[]>> signatures = new ArrayList<>();
        final List<String> revoked = new ArrayList<>();
        String renderedTemplate;
        ProblemException refuse;
        Map<String, String> renderedValues = new HashMap<>();

        @Override
        public IssuedDocument issue(IssueRequest request) {
            throw new UnsupportedOperationException("the letter is issued with its signature");
        }

        @Override
        public IssuedDocument issueSigned(IssueRequest request, Map<String, byte[]> pngs) {
            if (refuse != null) {
                throw refuse;
            }
            issued.add(request);
            signatures.add(pngs);
            return document("doc-" + issued.size(), request);
        }

        @Override
        public Optional<IssuedDocument> find(String documentId) {
            return Optional.empty();
        }

        @Override
        public List<IssuedDocument> ofHolder(String holderId) {
            return List.of();
        }

        @Override
        public byte[] pdf(String documentId) {
            return PDF;
        }

        @Override
        public IssuedDocument revoke(String documentId, String actorId, String reason) {
            revoked.add(documentId);
            return null;
        }

        @Override
        public Optional<DocumentVerification> verify(String number) {
            return Optional.empty();
        }

        @Override
        public Optional<DocumentType> type(String typeId) {
            return Optional.of(
                    DocumentType.of(
                            typeId,
                            LocalizedText.of("授权承诺书", "Letter"),
                            null,
                            DocumentTemplates.text(typeId)));
        }

        @Override
        public byte[] render(String template, Map<String, String> values, String stamp) {
            renderedTemplate = template;
            renderedValues = values;
            return PDF;
        }

        private static IssuedDocument document(String id, IssueRequest r) {
            return new IssuedDocument(
                    id,
                    "GS20261123-" + id,
                    r.typeId(),
                    LocalizedText.of("授权承诺书", "Authorization and commitment letter"),
                    r.holderId(),
                    r.regionCode(),
                    r.caseId(),
                    LocalDate.of(2026, 11, 23),
                    null,
                    DocumentStatus.VALID,
                    false,
                    PDF.length,
                    null,
                    null);
        }
    }
}
