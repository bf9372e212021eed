package org.guangsha.platform.internal.attachment;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.AttachmentKinds;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.attachment.CaseFileAccess;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.internal.storage.FileStore;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment store. Bytes go to the {@link FileStore} first and the row second, in
 * one transaction; when the row cannot be written the file is removed again unless another row uses
 * the same bytes, so a failed upload leaves neither. Who may read: the owner, and callers a {@link
 * CaseFileAccess} lets read one of the cases the file is filed with; everyone else gets 404, as if
 * the file did not exist.
 */
@Component(
        service = {AttachmentStore.class, AttachmentService.class},
        configurationPid = AttachmentConfiguration.PID)
@Designate(ocd = AttachmentConfiguration.class)
public class AttachmentStore implements AttachmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentStore.class);

    /** A stored attachment and whether this call created it (else it was there already). */
    public record Stored(Attachment attachment, boolean created) {}

    /** Limits in force; replaced as a whole when the city changes them. */
    record Limits(
            Set<FileType> allowed, long maxBytes, long licenceMaxBytes, FileInspector inspector) {

        static Limits of(AttachmentConfiguration c) {
            Set<FileType> allowed = EnumSet.noneOf(FileType.class);
            // a .cfg file gives "jpg,png,pdf" as one string, a .config file an array
            for (String t : String.join(",", c.allowed_types()).split(",")) {
                for (FileType type : FileType.values()) {
                    String name = t.trim().toLowerCase(Locale.ROOT);
                    if (type.extension().equals(name)
                            || ("jpeg".equals(name) && type == FileType.JPEG)) {
                        allowed.add(type);
                    }
                }
            }
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException(
                        "allowed.types names no known type: " + Arrays.toString(c.allowed_types()));
            }
            return new Limits(
                    allowed,
                    c.max_bytes(),
                    c.licence_max_bytes(),
                    new FileInspector(
                            c.max_image_side(),
                            c.max_megapixels() * 1_000_000L,
                            c.max_pdf_pages()));
        }
    }

    private final JpaTransactions tx;
    private final FileStore files;
    private final Clock clock;
    private volatile Limits limits;
    private final List<CaseFileAccess> caseAccess = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.Semaphore inspections =
            new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors());

    /** Built by DS. */
    @Activate
    public AttachmentStore(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference FileStore files,
            AttachmentConfiguration config) {
        this(new JpaTransactions(emf), files, Clock.systemUTC(), Limits.of(config));
    }

    AttachmentStore(JpaTransactions tx, FileStore files, Clock clock, Limits limits) {
        this.tx = tx;
        this.files = files;
        this.clock = clock;
        this.limits = limits;
    }

    /** The city changed the upload rules. */
    @Modified
    void modified(AttachmentConfiguration config) {
        limits = Limits.of(config);
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCaseAccess(CaseFileAccess access) {
        caseAccess.add(access);
    }

    void removeCaseAccess(CaseFileAccess access) {
        caseAccess.remove(access);
    }

    /** The largest upload now allowed, for the REST layer to stop reading early. */
    public long maxBytes() {
        return limits.maxBytes();
    }

    @Override
    public Attachment upload(String ownerId, String kind, String fileName, byte[] content) {
        return store(ownerId, kind, fileName, content).attachment();
    }

    /** Like {@link #upload}, telling whether the attachment is new. */
    public Stored store(String ownerId, String kind, String fileName, byte[] content) {
        checkKind(kind);
        Limits l = limits;
        FileInspector.Inspected file =
                inspect(l.inspector(), content, l.allowed(), l.maxBytes(), "file");
        return save(ownerId, kind, fileName, file, Attachment.UPLOAD, null, null);
    }

    /**
     * Stores an electronic licence for {@code ownerId}: checked like an upload (any of the three
     * types, the licence size limit) and recorded with its source and whose licence it is.
     */
    Stored storeLicence(
            String ownerId,
            String kind,
            String fileName,
            byte[] content,
            String providerId,
            String subjectName,
            String subjectAccountId) {
        Limits l = limits;
        FileInspector.Inspected file =
                inspect(
                        l.inspector(),
                        content,
                        EnumSet.allOf(FileType.class),
                        l.licenceMaxBytes(),
                        "file");
        return save(
                ownerId,
                kind,
                fileName,
                file,
                Attachment.LICENCE_PREFIX + providerId,
                subjectName,
                subjectAccountId);
    }

    /**
     * Stores a handwritten signature drawn on the signature pad (P-3): a PNG of at most 512 KB with
     * some ink on it, kept frozen as evidence of the signing.
     */
    public Attachment storeSignature(String ownerId, byte[] png) {
        FileInspector.Inspected file =
                inspect(limits.inspector(), png, EnumSet.of(FileType.PNG), 512 * 1024, "image");
        if (!hasInk(file.content())) {
            throw ProblemException.invalidField(
                    "image", "签名为空，请在签名板上手写签名", "The signature is empty; sign on the pad");
        }
        Stored stored =
                save(
                        ownerId,
                        AttachmentKinds.SIGNATURE,
                        "手写签名.png",
                        file,
                        Attachment.UPLOAD,
                        null,
                        null);
        Instant now = clock.instant();
        return tx.write(
                em -> {
                    AttachmentEntity a = em.find(AttachmentEntity.class, stored.attachment().id());
                    a.freeze(now);
                    return a.view();
                });
    }

    /**
     * Whether a PNG has at least a few dark, opaque pixels: a stroke, not an empty pad. Decodes the
     * image: check its size first ({@link FileInspector}).
     */
    public static boolean hasInk(byte[] png) {
        try {
            java.awt.image.BufferedImage image =
                    javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            if (image == null) {
                return false;
            }
            int ink = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = image.getRGB(x, y);
                    int alpha = argb >>> 24;
                    int luminance =
                            (((argb >> 16) & 0xff) * 3 + ((argb >> 8) & 0xff) * 6 + (argb & 0xff))
                                    / 10;
                    if (alpha > 128 && luminance < 160 && ++ink >= 20) {
                        return true;
                    }
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private Stored save(
            String ownerId,
            String kind,
            String fileName,
            FileInspector.Inspected file,
            String source,
            String subjectName,
            String subjectKey) {
        byte[] bytes = file.content();
        String hash = files.put(bytes);
        Instant now = clock.instant();
        Stored stored;
        try {
            stored =
                    tx.write(
                            em -> {
                                AttachmentEntity existing = existing(em, ownerId, kind, hash);
                                if (existing != null) {
                                    return new Stored(existing.view(), false);
                                }
                                AttachmentEntity row =
                                        new AttachmentEntity(
                                                UUID.randomUUID().toString(),
                                                ownerId,
                                                kind,
                                                displayName(fileName, kind, file.type()),
                                                file.type().mediaType(),
                                                bytes.length,
                                                hash,
                                                source,
                                                subjectName,
                                                subjectKey,
                                                now);
                                em.persist(row);
                                return new Stored(row.view(), true);
                            });
        } catch (PersistenceException e) {
            // the same owner stored the same bytes at the same moment: theirs won, use it
            AttachmentEntity winner = tx.read(em -> existing(em, ownerId, kind, hash));
            if (winner == null) {
                removeIfUnused(hash);
                throw e;
            }
            stored = new Stored(winner.view(), false);
        } catch (RuntimeException | Error e) {
            removeIfUnused(hash);
            throw e;
        }
        if (!files.contains(hash)) {
            // a delete of the last other row with these bytes removed the file meanwhile
            files.put(bytes);
        }
        return stored;
    }

    private static AttachmentEntity existing(
            EntityManager em, String ownerId, String kind, String hash) {
        return em
                .createQuery(
                        "SELECT a FROM AttachmentEntity a WHERE a.ownerId = :o AND a.kind = :k"
                                + " AND a.sha256 = :h",
                        AttachmentEntity.class)
                .setParameter("o", ownerId)
                .setParameter("k", kind)
                .setParameter("h", hash)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void removeIfUnused(String hash) {
        long users =
                tx.read(
                        em ->
                                em.createQuery(
                                                "SELECT COUNT(a) FROM AttachmentEntity a WHERE"
                                                        + " a.sha256 = :h",
                                                Long.class)
                                        .setParameter("h", hash)
                                        .getSingleResult());
        if (users == 0) {
            files.delete(hash);
        }
    }

    @Override
    public Optional<Attachment> find(Caller caller, String attachmentId) {
        return readable(caller, attachmentId).map(AttachmentEntity::view);
    }

    private Optional<AttachmentEntity> readable(Caller caller, String attachmentId) {
        if (caller == null || attachmentId == null) {
            return Optional.empty();
        }
        return tx.read(
                em -> {
                    AttachmentEntity a = em.find(AttachmentEntity.class, attachmentId);
                    if (a == null) {
                        return Optional.empty();
                    }
                    if (a.ownerId().equals(caller.accountId())) {
                        return Optional.of(a);
                    }
                    if (caller.kind() != AccountKind.STAFF) {
                        return Optional.empty();
                    }
                    for (AttachmentCaseEntity link : links(em, attachmentId)) {
                        for (CaseFileAccess access : caseAccess) {
                            if (access.mayRead(caller, link.caseId())) {
                                return Optional.of(a);
                            }
                        }
                    }
                    return Optional.empty();
                });
    }

    @Override
    public List<Attachment> list(String ownerId, String kind) {
        return tx.read(
                em -> {
                    javax.persistence.TypedQuery<AttachmentEntity> q =
                            em.createQuery(
                                    "SELECT a FROM AttachmentEntity a WHERE a.ownerId = :o"
                                            + (kind == null ? "" : " AND a.kind = :k")
                                            + " ORDER BY a.createdAt DESC, a.id",
                                    AttachmentEntity.class);
                    q.setParameter("o", ownerId);
                    if (kind != null) {
                        q.setParameter("k", kind);
                    }
                    return q.getResultList().stream().map(AttachmentEntity::view).toList();
                });
    }

    @Override
    public Optional<byte[]> content(Caller caller, String attachmentId) {
        return readable(caller, attachmentId).map(a -> files.get(a.sha256()));
    }

    /** Deletes an owner's attachment that no submitted case froze; 404 / 409 otherwise. */
    public void delete(String ownerId, String attachmentId) {
        String hash =
                tx.write(
                        em -> {
                            AttachmentEntity a = owned(em, ownerId, attachmentId);
                            if (a.frozen()) {
                                throw frozen();
                            }
                            for (AttachmentCaseEntity link : links(em, attachmentId)) {
                                em.remove(link);
                            }
                            em.remove(a);
                            return a.sha256();
                        });
        removeIfUnused(hash);
    }

    /**
     * Replaces the content of an owner's attachment that no submitted case froze, keeping its id
     * and its filings with draft cases.
     */
    public Attachment replace(
            String ownerId, String attachmentId, String fileName, byte[] content) {
        Limits l = limits;
        FileInspector.Inspected file =
                inspect(l.inspector(), content, l.allowed(), l.maxBytes(), "file");
        String hash = files.put(file.content());
        String[] old = new String[1];
        Attachment result;
        try {
            result =
                    tx.write(
                            em -> {
                                AttachmentEntity a = owned(em, ownerId, attachmentId);
                                if (a.frozen()) {
                                    throw frozen();
                                }
                                if (a.sha256().equals(hash)) {
                                    return a.view();
                                }
                                AttachmentEntity twin = existing(em, ownerId, a.kind(), hash);
                                if (twin != null) {
                                    throw ProblemException.conflict(
                                            "attachment-duplicate",
                                            "您已上传过相同的文件",
                                            "You uploaded this very file already",
                                            twin.id());
                                }
                                old[0] = a.sha256();
                                a.replaceContent(
                                        displayName(fileName, a.kind(), file.type()),
                                        file.type().mediaType(),
                                        file.content().length,
                                        hash,
                                        clock.instant());
                                return a.view();
                            });
        } catch (RuntimeException | Error e) {
            removeIfUnused(hash);
            throw e;
        }
        if (old[0] != null) {
            removeIfUnused(old[0]);
        }
        return result;
    }

    @Override
    public void fileWithCase(String caseId, String ownerId, Collection<String> attachmentIds) {
        requireCase(caseId);
        Instant now = clock.instant();
        tx.run(
                em -> {
                    for (String id : attachmentIds) {
                        AttachmentEntity a = owned(em, ownerId, id);
                        boolean filed =
                                links(em, a.id()).stream().anyMatch(l -> l.caseId().equals(caseId));
                        if (!filed) {
                            em.persist(
                                    new AttachmentCaseEntity(
                                            UUID.randomUUID().toString(), a.id(), caseId, now));
                        }
                    }
                });
    }

    @Override
    public void unfileFromCase(String caseId, String ownerId, String attachmentId) {
        requireCase(caseId);
        tx.run(
                em -> {
                    AttachmentEntity a = owned(em, ownerId, attachmentId);
                    AttachmentCaseEntity link =
                            links(em, a.id()).stream()
                                    .filter(l -> l.caseId().equals(caseId))
                                    .findFirst()
                                    .orElseThrow(() -> ProblemException.notFound(null));
                    if (link.frozen()) {
                        throw frozen();
                    }
                    em.remove(link);
                });
    }

    @Override
    public List<Attachment> ofCase(String caseId) {
        requireCase(caseId);
        return tx.read(
                em ->
                        em
                                .createQuery(
                                        "SELECT a FROM AttachmentEntity a, AttachmentCaseEntity l"
                                                + " WHERE l.attachmentId = a.id AND l.caseId = :c"
                                                + " ORDER BY a.kind, a.createdAt",
                                        AttachmentEntity.class)
                                .setParameter("c", caseId)
                                .getResultList()
                                .stream()
                                .map(AttachmentEntity::view)
                                .toList());
    }

    @Override
    public void freezeCase(String caseId) {
        requireCase(caseId);
        Instant now = clock.instant();
        tx.run(
                em -> {
                    List<AttachmentCaseEntity> filed =
                            em.createQuery(
                                            "SELECT l FROM AttachmentCaseEntity l WHERE l.caseId"
                                                    + " = :c",
                                            AttachmentCaseEntity.class)
                                    .setParameter("c", caseId)
                                    .getResultList();
                    for (AttachmentCaseEntity link : filed) {
                        link.freeze(now);
                        em.find(AttachmentEntity.class, link.attachmentId()).freeze(now);
                    }
                });
        LOG.debug("Attachments of case {} frozen", caseId);
    }

    /**
     * A withdrawn case (C-3): its filings are removed, and the co-applicants' licences fetched for
     * it are deleted even when frozen, since the case they were fetched for is void. The
     * applicant's own files stay in their "upload once" library.
     */
    public void eraseCase(String caseId, String applicantId) {
        requireCase(caseId);
        List<String> hashes =
                tx.write(
                        em -> {
                            List<String> removed = new java.util.ArrayList<>();
                            List<AttachmentCaseEntity> filed =
                                    em.createQuery(
                                                    "SELECT l FROM AttachmentCaseEntity l WHERE"
                                                            + " l.caseId = :c",
                                                    AttachmentCaseEntity.class)
                                            .setParameter("c", caseId)
                                            .getResultList();
                            for (AttachmentCaseEntity link : filed) {
                                AttachmentEntity a =
                                        em.find(AttachmentEntity.class, link.attachmentId());
                                em.remove(link);
                                boolean coApplicants =
                                        a != null
                                                && a.ownerId().equals(applicantId)
                                                && a.subjectKey() != null
                                                && !a.subjectKey().equals(applicantId);
                                if (coApplicants) {
                                    for (AttachmentCaseEntity other : links(em, a.id())) {
                                        if (!other.caseId().equals(caseId)) {
                                            em.remove(other);
                                        }
                                    }
                                    em.remove(a);
                                    removed.add(a.sha256());
                                }
                            }
                            return removed;
                        });
        hashes.forEach(this::removeIfUnused);
    }

    /**
     * After a licence was fetched again (重新获取): the owner's older licences of the same kind and
     * person that no submitted case froze give way to the new one, and draft cases they were filed
     * with get the new one instead.
     */
    void supersedeLicences(String ownerId, String kind, String subjectKey, String newestId) {
        List<String> hashes =
                tx.write(
                        em -> {
                            List<AttachmentEntity> older =
                                    em.createQuery(
                                                    "SELECT a FROM AttachmentEntity a WHERE"
                                                            + " a.ownerId = :o AND a.kind = :k"
                                                            + " AND a.subjectKey = :s AND a.id <>"
                                                            + " :n",
                                                    AttachmentEntity.class)
                                            .setParameter("o", ownerId)
                                            .setParameter("k", kind)
                                            .setParameter("s", subjectKey)
                                            .setParameter("n", newestId)
                                            .getResultList();
                            List<String> removed = new java.util.ArrayList<>();
                            List<AttachmentCaseEntity> newestLinks = links(em, newestId);
                            for (AttachmentEntity a : older) {
                                if (a.frozen()) {
                                    continue;
                                }
                                for (AttachmentCaseEntity link : links(em, a.id())) {
                                    boolean already =
                                            newestLinks.stream()
                                                    .anyMatch(
                                                            l -> l.caseId().equals(link.caseId()));
                                    if (already) {
                                        em.remove(link);
                                    } else {
                                        link.attachmentId(newestId);
                                    }
                                }
                                em.remove(a);
                                removed.add(a.sha256());
                            }
                            return removed;
                        });
        hashes.forEach(this::removeIfUnused);
    }

    private static List<AttachmentCaseEntity> links(EntityManager em, String attachmentId) {
        return em.createQuery(
                        "SELECT l FROM AttachmentCaseEntity l WHERE l.attachmentId = :a",
                        AttachmentCaseEntity.class)
                .setParameter("a", attachmentId)
                .getResultList();
    }

    private static AttachmentEntity owned(EntityManager em, String ownerId, String attachmentId) {
        AttachmentEntity a =
                attachmentId == null ? null : em.find(AttachmentEntity.class, attachmentId);
        if (a == null || !a.ownerId().equals(ownerId)) {
            throw ProblemException.notFound("attachment " + attachmentId);
        }
        return a;
    }

    private static void requireCase(String caseId) {
        if (caseId == null || caseId.isBlank() || caseId.length() > 36) {
            throw new IllegalArgumentException("caseId: " + caseId);
        }
    }

    private static void checkKind(String kind) {
        if (!AttachmentKinds.isValid(kind)) {
            throw ProblemException.invalidField(
                    "kind",
                    "材料类型不正确（如 id-card-front、bank-card）",
                    "Unknown attachment kind (e.g. id-card-front, bank-card)");
        }
    }

    static ProblemException frozen() {
        return ProblemException.conflict(
                "attachment-frozen",
                "申请已提交，材料不可删除或替换",
                "The case was submitted: its files can no longer be deleted or replaced",
                null);
    }

    /**
     * Checks a file. Decoding a large image takes hundreds of megabytes, so no more checks run at
     * once than the machine has cores; the others wait their turn, briefly.
     */
    private FileInspector.Inspected inspect(
            FileInspector inspector,
            byte[] content,
            Set<FileType> allowed,
            long maxBytes,
            String field) {
        try {
            if (!inspections.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new ProblemException(
                        new Problem(
                                Problem.type("busy"),
                                "上传人数较多，请稍后重试",
                                "Many uploads at the moment; try again shortly",
                                503,
                                null,
                                null,
                                null),
                        java.util.Map.of("Retry-After", "10"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to check an upload", e);
        }
        try {
            return inspector.inspect(content == null ? new byte[0] : content, allowed, maxBytes);
        } catch (RejectedUploadException e) {
            throw new ProblemException(
                    new Problem(
                            Problem.type("upload-refused"),
                            "上传的文件不符合要求",
                            "The uploaded file was refused",
                            400,
                            e.code(),
                            null,
                            List.of(new FieldError(field, e.message(), e.messageEn()))));
        } finally {
            inspections.release();
        }
    }

    /** A safe name to show: no path, no control characters, the extension of the real type. */
    static String displayName(String fileName, String kind, FileType type) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = kind;
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        return base + "." + type.extension();
    }
}
