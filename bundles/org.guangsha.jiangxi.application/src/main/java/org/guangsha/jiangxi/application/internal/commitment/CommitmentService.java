package org.guangsha.jiangxi.application.internal.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guangsha.jiangxi.application.internal.ApplicationAccess;
import org.guangsha.jiangxi.application.internal.ApplicationAccess.Found;
import org.guangsha.jiangxi.application.internal.store.ApplicationEntity;
import org.guangsha.jiangxi.application.internal.store.MemberEntity;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.AttachmentKinds;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.identity.AccountDirectory;
import org.guangsha.platform.identity.AccountDirectory.AccountProfile;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Region;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization commitment letter (授权承诺书, JX-7) of an application, filled from the family: on a
 * PC it is printed unsigned, signed on paper, photographed and uploaded (the applicant's {@code
 * signed-letter} attachment, filed with the case); on a phone it is signed on the signature pad and
 * the core issues it as a document with the signature in its {@code applicant} box. A new letter
 * (signed or uploaded) replaces the earlier one, whose issued document is revoked so that only one
 * letter of the application verifies as valid.
 */
@Component(service = CommitmentService.class)
public class CommitmentService {

    private static final Logger LOG = LoggerFactory.getLogger(CommitmentService.class);

    /** The core's generic document type and template of the letter. */
    public static final String DOCUMENT_TYPE = "authorization-commitment-letter";

    /** The template's signature box of the applicant. */
    public static final String SIGNATURE_FIELD = "applicant";

    /** Signed on the signature pad; the core issued the document. */
    public static final String SIGNED_ON_SCREEN = "SIGNED_ON_SCREEN";

    /** A photo or scan of the letter signed on paper. */
    public static final String UPLOADED = "UPLOADED";

    /** Where the core keeps its generic templates (not an exported package: read as a resource). */

    /** The largest signature image taken (the core's own limit for pad signatures). */
    static final int MAX_SIGNATURE_BYTES = 512 * 1024;

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static final Map<String, String> RELATIONS =
            Map.of(
                    "SPOUSE", "配偶",
                    "CHILD", "子女",
                    "PARENT", "父母",
                    "SIBLING", "兄弟姐妹",
                    "OTHER", "其他");

    private final ApplicationAccess access;
    private final DocumentService documents;
    private final AttachmentService attachments;
    private final AccountDirectory accounts;
    private final Clock clock;

    /** Built by DS. */
    @Activate
    public CommitmentService(
            @Reference ApplicationAccess access,
            @Reference DocumentService documents,
            @Reference AttachmentService attachments,
            @Reference AccountDirectory accounts) {
        this(access, documents, attachments, accounts, Clock.systemUTC());
    }

    /** For tests. */
    CommitmentService(
            ApplicationAccess access,
            DocumentService documents,
            AttachmentService attachments,
            AccountDirectory accounts,
            Clock clock) {
        this.access = access;
        this.documents = documents;
        this.attachments = attachments;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The letter filled with the family, unsigned and not issued (no number, nothing stored), to
     * print and sign on paper (the PC path).
     */
    public byte[] unsignedPdf(Caller caller, String caseId) {
        Found f = access.read(caller, caseId);
        return documents.render(template(), values(f.application(), ""), null);
    }

    /**
     * Signs the letter on screen (the mobile path): the core issues it with the signature in the
     * applicant's box; the earlier letter is replaced (its document revoked).
     *
     * @param imageDataUrl {@code data:image/png;base64,…} from the signature pad
     * @return the application as saved
     */
    public ApplicationEntity sign(Caller caller, String caseId, String imageDataUrl) {
        Found f = access.edit(caller, caseId);
        byte[] png = png(imageDataUrl);
        ApplicationEntity app = f.application();
        IssuedDocument document;
        try {
            document =
                    documents.issueSigned(
                            new IssueRequest(
                                    DOCUMENT_TYPE,
                                    app.accountId(),
                                    app.regionCode(),
                                    caseId,
                                    values(app, day(LocalDate.ofInstant(clock.instant(), CITY)))),
                            Map.of(SIGNATURE_FIELD, png));
        } catch (ProblemException e) {
            throw asImage(e);
        }
        try {
            return replace(caseId, caller, SIGNED_ON_SCREEN, document.id(), null);
        } catch (RuntimeException e) {
            // the application changed meanwhile (another letter won): this one must not verify
            revokeQuietly(document.id(), caller, "签署未生效 / the signing did not take effect");
            throw e;
        }
    }

    /**
     * Stores a scan or photo of the letter signed on paper as the applicant's {@code signed-letter}
     * attachment (also when counter staff upload it) and uses it as the letter.
     */
    public ApplicationEntity uploadFile(
            Caller caller, String caseId, String fileName, byte[] content) {
        Found f = access.edit(caller, caseId);
        Attachment a =
                attachments.upload(
                        f.application().accountId(),
                        AttachmentKinds.SIGNED_LETTER,
                        fileName,
                        content);
        return upload(caller, caseId, a.id());
    }

    /**
     * Takes a photo or scan of the letter signed on paper (the PC path): the applicant's {@code
     * signed-letter} attachment, filed with the case; the earlier letter is replaced.
     *
     * @return the application as saved
     */
    public ApplicationEntity upload(Caller caller, String caseId, String attachmentId) {
        Found f = access.edit(caller, caseId);
        if (attachmentId == null || attachmentId.isBlank()) {
            throw ProblemException.invalidField(
                    "attachmentId", "请上传签字后的授权承诺书照片", "Upload the photo of the signed letter");
        }
        String applicant = f.application().accountId();
        // the applicant's files only, also when counter staff ask: others' files answer 404
        Attachment a =
                attachments.list(applicant, null).stream()
                        .filter(x -> x.id().equals(attachmentId.strip()))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.notFound(null));
        if (!AttachmentKinds.SIGNED_LETTER.equals(a.kind())) {
            throw ProblemException.invalidField(
                    "attachmentId",
                    "请上传签字后的授权承诺书（文件类型 signed-letter）",
                    "Upload the signed letter (attachment kind signed-letter)");
        }
        attachments.fileWithCase(caseId, applicant, List.of(a.id()));
        return replace(caseId, caller, UPLOADED, null, a.id());
    }

    /**
     * The template's values for an application (keys: see the core's TemplatesTest):
     * housingAuthorityName, applicantName, applicantIdNumber, applicantPhone, cityName,
     * coApplicants (name, relation and masked ID number, one a line; 无 when none), signedOn.
     */
    Map<String, String> values(ApplicationEntity app, String signedOn) {
        List<MemberEntity> members = access.members(app.caseId());
        MemberEntity self =
                members.stream().filter(m -> "SELF".equals(m.relation())).findFirst().orElse(null);
        // the family step not saved yet: the account's own name, ID number and mobile
        AccountProfile account = accounts.find(app.accountId()).orElse(null);
        String name = pick(self == null ? null : self.name(), account, AccountProfile::name);
        String idNumber =
                pick(self == null ? null : self.idNumber(), account, AccountProfile::idNumber);
        String phone = pick(self == null ? null : self.mobile(), account, AccountProfile::mobile);
        List<String> co = new ArrayList<>();
        for (MemberEntity m : members) {
            if (m == self || "SELF".equals(m.relation())) {
                continue;
            }
            co.add(
                    nonNull(m.name())
                            + "（"
                            + RELATIONS.getOrDefault(m.relation(), "其他")
                            + "），身份证号 "
                            + nonNull(ResidentIdNumber.mask(m.idNumber())));
        }
        String city = cityName(app.regionCode());
        String authority = access.config().housing_authority();
        Map<String, String> v = new LinkedHashMap<>();
        v.put(
                "housingAuthorityName",
                authority == null || authority.isBlank() ? city + "住房保障部门" : authority.strip());
        v.put("applicantName", nonNull(name));
        v.put("applicantIdNumber", nonNull(idNumber));
        v.put("applicantPhone", nonNull(phone));
        v.put("cityName", city);
        v.put("coApplicants", co.isEmpty() ? "无" : String.join("\n", co));
        v.put("signedOn", signedOn);
        return v;
    }

    /** The name of the city (prefecture level) the application's county or district lies in. */
    String cityName(String regionCode) {
        List<Region> path = path(access.regions().tree(), regionCode);
        for (int i = path.size() - 1; i >= 0; i--) {
            if ("CITY".equals(path.get(i).level())) {
                return path.get(i).name().zh();
            }
        }
        // a region tree without a city level: the nearest region above the county
        return path.size() >= 2
                ? path.get(path.size() - 2).name().zh()
                : path.isEmpty() ? "" : path.get(0).name().zh();
    }

    /** The regions from the top down to {@code code}, or empty when the tree does not hold it. */
    private static List<Region> path(List<Region> level, String code) {
        for (Region r : level) {
            if (r.code().equals(code)) {
                return List.of(r);
            }
            List<Region> below = path(r.children(), code);
            if (!below.isEmpty()) {
                List<Region> p = new ArrayList<>();
                p.add(r);
                p.addAll(below);
                return p;
            }
        }
        return List.of();
    }

    /** Records the new letter, then revokes the earlier document and unfiles the earlier photo. */
    private ApplicationEntity replace(
            String caseId, Caller caller, String mode, String documentId, String attachmentId) {
        Instant now = clock.instant();
        String[] earlier = new String[2];
        ApplicationEntity saved =
                access.tx()
                        .write(
                                em -> {
                                    ApplicationEntity app =
                                            em.find(ApplicationEntity.class, caseId);
                                    earlier[0] = app.commitmentDocumentId();
                                    earlier[1] = app.commitmentAttachmentId();
                                    app.commitmentMode(mode);
                                    app.commitmentDocumentId(documentId);
                                    app.commitmentAttachmentId(attachmentId);
                                    app.commitmentAt(now);
                                    app.updatedAt(now);
                                    return app;
                                });
        if (earlier[0] != null && !earlier[0].equals(documentId)) {
            revokeQuietly(earlier[0], caller, "已重新签署授权承诺书 / replaced by a new letter");
        }
        if (earlier[1] != null
                && !earlier[1].equals(attachmentId)
                && !usedAsMaterial(caseId, earlier[1])) {
            attachments.unfileFromCase(caseId, saved.accountId(), earlier[1]);
        }
        LOG.info("Case {}: commitment letter {} by {}", caseId, mode, caller.accountId());
        return saved;
    }

    private boolean usedAsMaterial(String caseId, String attachmentId) {
        return access.tx()
                        .read(
                                em ->
                                        em.createQuery(
                                                        "SELECT COUNT(m) FROM MaterialEntity m"
                                                                + " WHERE m.caseId = :c AND"
                                                                + " m.attachmentId = :a",
                                                        Long.class)
                                                .setParameter("c", caseId)
                                                .setParameter("a", attachmentId)
                                                .getSingleResult())
                > 0;
    }

    /**
     * Revokes a document; a failure is logged, not thrown: the new letter is recorded already and a
     * caseworker of the region can still revoke the old one.
     */
    private void revokeQuietly(String documentId, Caller caller, String reason) {
        try {
            documents.revoke(documentId, caller.accountId(), reason);
        } catch (RuntimeException e) {
            LOG.warn("Could not revoke the earlier commitment letter {}", documentId, e);
        }
    }

    /** The generic letter's template, from the core's document types. */
    String template() {
        return documents
                .type(DOCUMENT_TYPE)
                .map(DocumentType::template)
                .orElseThrow(() -> new IllegalStateException("No document type " + DOCUMENT_TYPE));
    }

    /** The PNG of a {@code data:image/png;base64,…} URL; 400 naming {@code image} otherwise. */
    static byte[] png(String dataUrl) {
        String prefix = "data:image/png;base64,";
        if (dataUrl == null || !dataUrl.startsWith(prefix)) {
            throw ProblemException.invalidField(
                    "image",
                    "签名应为 PNG 图片（data:image/png;base64,…）",
                    "The signature must be a PNG data URL");
        }
        byte[] png;
        try {
            png = Base64.getMimeDecoder().decode(dataUrl.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "image", "签名图片无法读取", "The signature image cannot be read");
        }
        if (png.length > MAX_SIGNATURE_BYTES) {
            throw ProblemException.invalidField(
                    "image", "签名图片不能超过 512 KB", "The signature image must not exceed 512 KB");
        }
        if (png.length < PNG_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(png, PNG_MAGIC.length), PNG_MAGIC)) {
            throw ProblemException.invalidField(
                    "image", "签名图片无法读取", "The signature image cannot be read");
        }
        return png;
    }

    /**
     * The core names the pad's image {@code signature} (an empty pad, not a PNG); this API's body
     * calls it {@code image}, so the client is told about the field it sent.
     */
    static ProblemException asImage(ProblemException e) {
        List<FieldError> errors = e.problem().errors();
        if (e.problem().status() != 400
                || errors.isEmpty()
                || !"signature".equals(errors.get(0).field())) {
            return e;
        }
        return ProblemException.validation(
                errors.stream()
                        .map(
                                x ->
                                        "signature".equals(x.field())
                                                ? new FieldError(
                                                        "image", x.message(), x.messageEn())
                                                : x)
                        .toList());
    }

    /** A day as the letter prints it: 2026年11月23日. */
    static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String pick(
            String fromFamily,
            AccountProfile account,
            java.util.function.Function<AccountProfile, String> fromAccount) {
        if (fromFamily != null && !fromFamily.isBlank()) {
            return fromFamily;
        }
        return account == null ? "" : nonNull(fromAccount.apply(account));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
