package org.guangsha.platform.internal.document;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManagerFactory;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.DocumentVerification;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.internal.attachment.AttachmentStore;
import org.guangsha.platform.internal.attachment.FileInspector;
import org.guangsha.platform.internal.attachment.FileType;
import org.guangsha.platform.internal.attachment.RejectedUploadException;
import org.guangsha.platform.internal.audit.AuditLogs;
import org.guangsha.platform.internal.identity.AccountEntity;
import org.guangsha.platform.internal.identity.AccountService;
import org.guangsha.platform.internal.platform.PlatformConstants;
import org.guangsha.platform.internal.storage.FileStore;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Issues documents (P-1, P-2): the PDF is rendered with the platform's font, carries its number,
 * dates and a QR code to {@code <public base>/verify/<number>}, is stored in the {@link FileStore}
 * and recorded in {@code PLT_DOCUMENT}. Types come from {@link DocumentType} services of any bundle
 * plus the core's generic ones.
 */
@Component(
        service = {DocumentIssuer.class, DocumentService.class},
        configurationPid = DocumentConfiguration.PID)
public class DocumentIssuer implements DocumentService {

    /** The generic types every line may reuse, with their templates in this bundle. */
    static final List<DocumentType> GENERIC =
            List.of(
                    generic("lease-contract", "公共租赁住房租赁合同", "Public rental housing lease", null),
                    generic("occupancy-notice", "入住通知书", "Occupancy notice", null),
                    generic(
                            "authorization-commitment-letter",
                            "授权承诺书",
                            "Authorization and commitment letter",
                            null),
                    generic("power-of-attorney", "授权委托书", "Power of attorney", Period.ofMonths(3)));

    private static final char[] NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Largest signature image accepted, as for the signing ceremony's pad. */
    static final int MAX_SIGNATURE_BYTES = 512 * 1024;

    private static final FileInspector SIGNATURE_INSPECTOR = new FileInspector();

    private final JpaTransactions tx;
    private final FileStore files;
    private final AccountService accounts;
    private final CitySeal seal;
    private final java.util.function.Supplier<PdfRenderer> renderer;

    /** Tests' fixed clock; null: the city's {@code Clock} service (the sandbox's when set). */
    private final Clock fixedClock;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clockService;

    private volatile String publicBaseUrl;
    private final Map<String, DocumentType> registered = new ConcurrentHashMap<>();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.guangsha.platform.casework.CaseService cases;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public DocumentIssuer(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference FileStore files,
            @Reference AccountService accounts,
            @Reference CitySeal seal,
            DocumentConfiguration config) {
        this(
                new JpaTransactions(emf),
                files,
                accounts,
                seal,
                // the font (10 MB) is parsed on the first document, not while the platform starts
                lazily(PdfRenderer::new),
                null,
                config.public_base_url());
    }

    DocumentIssuer(
            JpaTransactions tx,
            FileStore files,
            AccountService accounts,
            CitySeal seal,
            java.util.function.Supplier<PdfRenderer> renderer,
            Clock clock,
            String publicBaseUrl) {
        this.tx = tx;
        this.files = files;
        this.accounts = accounts;
        this.seal = seal;
        this.renderer = renderer;
        this.fixedClock = clock;
        this.publicBaseUrl = trimSlash(publicBaseUrl);
    }

    /**
     * The issuing time: documents are dated and their validity counted by the city's clock, the
     * same the lines use for their rules (the sandbox's settable clock in demos and tests).
     */
    private Clock clock() {
        if (fixedClock != null) {
            return fixedClock;
        }
        Clock c = clockService;
        return c != null ? c : Clock.systemUTC();
    }

    /** The city changed its public address. */
    @Modified
    void modified(DocumentConfiguration config) {
        publicBaseUrl = trimSlash(config.public_base_url());
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addType(DocumentType type) {
        registered.put(type.id(), type);
    }

    void removeType(DocumentType type) {
        registered.remove(type.id(), type);
    }

    /** The type with this id: a registered one first, else a generic one. */
    @Override
    public Optional<DocumentType> type(String typeId) {
        DocumentType t = typeId == null ? null : registered.get(typeId);
        if (t != null) {
            return Optional.of(t);
        }
        return GENERIC.stream().filter(g -> g.id().equals(typeId)).findFirst();
    }

    @Override
    public IssuedDocument issue(IssueRequest request) {
        return issue(request, Map.of(), UnaryOperator.identity(), false);
    }

    /**
     * The images are checked first (the PDF renderer would only say "values"), then the document is
     * issued and sealed like the ceremony's contract: the sealed PDF is the one stored.
     */
    @Override
    public IssuedDocument issueSigned(IssueRequest request, Map<String, byte[]> signaturePngs) {
        DocumentType type = typeOf(request);
        Map<String, byte[]> pngs = signatures(type, signaturePngs);
        return issue(
                request,
                pngs,
                pdf -> seal.seal(pdf, "手写签名 Signed by hand: " + type.name().zh()),
                true);
    }

    /**
     * The signature images after the checks of the ceremony's pad: a field of the template, a real
     * PNG (walked before decoding, metadata stripped) of at most 512 KB, with a stroke on it.
     */
    static Map<String, byte[]> signatures(DocumentType type, Map<String, byte[]> signaturePngs) {
        if (signaturePngs == null || signaturePngs.isEmpty()) {
            throw badSignature("请在签名板上手写签名", "A handwritten signature is required");
        }
        Set<String> fields = TemplateMarkup.signatureFields(type.template());
        Map<String, byte[]> checked = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : signaturePngs.entrySet()) {
            if (!fields.contains(e.getKey())) {
                throw badSignature(
                        "文书没有签名栏“" + e.getKey() + "”（可用：" + String.join("、", fields) + "）",
                        "The document has no signature field '"
                                + e.getKey()
                                + "' (it has: "
                                + String.join(", ", fields)
                                + ")");
            }
            FileInspector.Inspected png;
            try {
                png =
                        SIGNATURE_INSPECTOR.inspect(
                                e.getValue() == null ? new byte[0] : e.getValue(),
                                EnumSet.of(FileType.PNG),
                                MAX_SIGNATURE_BYTES);
            } catch (RejectedUploadException notAPng) {
                throw badSignature(
                        "签名须为不超过512KB的PNG图片",
                        "The signature must be a PNG image of at most 512 KB");
            }
            if (!AttachmentStore.hasInk(png.content())) {
                throw badSignature("签名为空，请在签名板上手写签名", "The signature is empty; sign on the pad");
            }
            checked.put(e.getKey(), png.content());
        }
        return checked;
    }

    private static ProblemException badSignature(String zh, String en) {
        return ProblemException.invalidField("signature", zh, en);
    }

    private DocumentType typeOf(IssueRequest request) {
        return type(request.typeId())
                .orElseThrow(
                        () ->
                                ProblemException.invalidField(
                                        "typeId", "未知的文书类型", "Unknown document type"));
    }

    /**
     * Issues a document whose PDF carries the given handwritten signatures and then passes through
     * {@code finish} (the city's digital signature) before it is stored.
     */
    IssuedDocument issue(
            IssueRequest request,
            Map<String, byte[]> signaturePngs,
            UnaryOperator<byte[]> finish,
            boolean signed) {
        DocumentType type = typeOf(request);
        AccountEntity holder =
                accounts.account(request.holderId())
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "holderId", "持有人不存在", "No such holder"));
        Instant now = clock().instant();
        LocalDate today = today();
        LocalDate validUntil = type.validity().map(today::plus).orElse(null);
        String number = newNumber(today);
        Map<String, String> values = standardValues(number, today, validUntil);
        values.put("holderName", holder.name());
        values.putAll(request.values());
        byte[] pdf =
                finish.apply(
                        render(
                                type.template(),
                                values,
                                number,
                                today,
                                validUntil,
                                signaturePngs,
                                null));
        String hash = files.put(pdf);
        DocumentEntity row =
                new DocumentEntity(
                        UUID.randomUUID().toString(),
                        number,
                        type.id(),
                        type.name(),
                        holder.id(),
                        Masking.name(holder.name()),
                        request.regionCode(),
                        request.caseId(),
                        now,
                        today,
                        validUntil,
                        hash,
                        pdf.length,
                        signed);
        try {
            tx.run(em -> em.persist(row));
        } catch (RuntimeException e) {
            // numbers are random and unique by constraint; PDFs are unique by their number
            files.delete(hash);
            throw e;
        }
        org.guangsha.platform.casework.CaseService c = cases;
        if (c != null && request.caseId() != null && c.find(request.caseId()).isPresent()) {
            // the case's timeline shows the document (C-1: "document issued")
            c.note(request.caseId(), "document", null, type.name().zh() + " " + number);
        }
        IssuedDocument issued = row.view(today);
        // issued for a holder by a business line (or the signing ceremony): no acting account here
        AuditLogs.record(
                auditLog,
                "document.issued",
                null,
                "document:" + issued.id(),
                null,
                "number="
                        + number
                        + " type="
                        + type.id()
                        + " holder=account:"
                        + holder.id()
                        + " case="
                        + request.caseId()
                        + " signed="
                        + signed);
        return issued;
    }

    /** Renders a document the way {@link #issue} would, without storing anything (previews). */
    byte[] preview(
            DocumentType type, String holderId, Map<String, String> requestValues, String stamp) {
        LocalDate today = today();
        LocalDate validUntil = type.validity().map(today::plus).orElse(null);
        Map<String, String> values = standardValues("—", today, validUntil);
        values.put(
                "holderName",
                holderId == null
                        ? ""
                        : accounts.account(holderId).map(AccountEntity::name).orElse(""));
        values.putAll(requestValues);
        return render(type.template(), values, "—", today, validUntil, Map.of(), stamp);
    }

    private byte[] render(
            String template,
            Map<String, String> values,
            String number,
            LocalDate issuedOn,
            LocalDate validUntil,
            Map<String, byte[]> signaturePngs,
            String stamp) {
        try {
            return renderer.get()
                    .render(
                            new RenderRequest(
                                    template,
                                    values,
                                    number,
                                    issuedOn,
                                    validUntil,
                                    "—".equals(number) ? null : verificationUrl(number),
                                    signaturePngs,
                                    stamp));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "values", "文书信息不完整：" + e.getMessage(), "Incomplete: " + e.getMessage());
        }
    }

    private static Map<String, String> standardValues(
            String number, LocalDate issuedOn, LocalDate validUntil) {
        Map<String, String> values = new HashMap<>();
        values.put("documentNumber", number);
        values.put("issueDate", issuedOn.toString());
        values.put("validUntil", validUntil == null ? "长期" : validUntil.toString());
        return values;
    }

    @Override
    public Optional<IssuedDocument> find(String documentId) {
        LocalDate today = today();
        return tx.read(
                em ->
                        Optional.ofNullable(
                                        documentId == null
                                                ? null
                                                : em.find(DocumentEntity.class, documentId))
                                .map(d -> d.view(today)));
    }

    @Override
    public List<IssuedDocument> ofHolder(String holderId) {
        LocalDate today = today();
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT d FROM DocumentEntity d WHERE d.holderId = :h"
                                                + " ORDER BY d.issuedAt DESC, d.id",
                                        DocumentEntity.class)
                                .setParameter("h", holderId)
                                .getResultList()
                                .stream()
                                .map(d -> d.view(today))
                                .toList());
    }

    @Override
    public byte[] pdf(String documentId) {
        String hash =
                tx.read(
                        em -> {
                            DocumentEntity d = em.find(DocumentEntity.class, documentId);
                            if (d == null) {
                                throw ProblemException.notFound(null);
                            }
                            return d.sha256();
                        });
        return files.get(hash);
    }

    @Override
    public IssuedDocument revoke(String documentId, String actorId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalidField(
                    "reason", "请填写撤销原因（500字以内）", "Give a reason (at most 500 characters)");
        }
        LocalDate today = today();
        Instant now = clock().instant();
        IssuedDocument revoked =
                tx.write(
                        em -> {
                            DocumentEntity d = em.find(DocumentEntity.class, documentId);
                            if (d == null) {
                                throw ProblemException.notFound(null);
                            }
                            d.revoke(now, actorId, reason.strip());
                            return d.view(today);
                        });
        AuditLogs.record(
                auditLog,
                "document.revoked",
                actorId,
                "document:" + documentId,
                null,
                "number=" + revoked.number() + " reason=" + reason.strip());
        return revoked;
    }

    @Override
    public Optional<DocumentVerification> verify(String number) {
        if (number == null || number.length() > 40) {
            return Optional.empty();
        }
        LocalDate today = today();
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT d FROM DocumentEntity d WHERE d.number = :n",
                                        DocumentEntity.class)
                                .setParameter("n", number)
                                .getResultList()
                                .stream()
                                .findFirst()
                                .map(
                                        d -> {
                                            IssuedDocument v = d.view(today);
                                            return new DocumentVerification(
                                                    v.number(),
                                                    v.typeName(),
                                                    v.issuedOn(),
                                                    v.validUntil(),
                                                    v.status(),
                                                    d.holderNameMasked(),
                                                    v.signed());
                                        }));
    }

    @Override
    public byte[] render(String template, Map<String, String> values, String stamp) {
        return preview(
                DocumentType.of("preview", LocalizedText.of("预览", "Preview"), null, template),
                null,
                values,
                stamp);
    }

    /** The public verification address of a number. */
    public String verificationUrl(String number) {
        return publicBaseUrl + "/verify/" + number;
    }

    /** Today in the city's calendar. */
    LocalDate today() {
        return LocalDate.ofInstant(clock().instant(), PlatformConstants.CITY_ZONE);
    }

    /**
     * A number like {@code GS20261123-7KQ4M2XD}: the issue date, then 40 random bits, so numbers
     * cannot be guessed from one another on the public verification page.
     */
    static String newNumber(LocalDate day) {
        StringBuilder b = new StringBuilder("GS").append(DAY.format(day)).append('-');
        for (int i = 0; i < 8; i++) {
            b.append(NUMBER_ALPHABET[RANDOM.nextInt(NUMBER_ALPHABET.length)]);
        }
        return b.toString();
    }

    private static <T> java.util.function.Supplier<T> lazily(
            java.util.function.Supplier<T> factory) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }

    private static String trimSlash(String url) {
        String u = url == null || url.isBlank() ? "http://localhost:8181" : url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static DocumentType generic(String id, String zh, String en, Period validity) {
        return DocumentType.of(id, LocalizedText.of(zh, en), validity, DocumentTemplates.text(id));
    }
}
