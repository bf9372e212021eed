package org.guangsha.jiangxi.application.internal.materials;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guangsha.jiangxi.application.internal.ApplicationAccess;
import org.guangsha.jiangxi.application.internal.ApplicationAccess.Found;
import org.guangsha.jiangxi.application.internal.Categories.Material;
import org.guangsha.jiangxi.application.internal.MaterialsCheck;
import org.guangsha.jiangxi.application.internal.materials.MaterialItem.Checklist;
import org.guangsha.jiangxi.application.internal.materials.MaterialItem.Filed;
import org.guangsha.jiangxi.application.internal.store.ApplicationEntity;
import org.guangsha.jiangxi.application.internal.store.MaterialEntity;
import org.guangsha.jiangxi.application.internal.store.MemberEntity;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.attachment.AttachmentService;
import org.guangsha.platform.attachment.LicenceType;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Masking;
import org.guangsha.platform.identity.ResidentIdNumber;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The materials of an application (JX-8). The checklist follows the category (its materials and the
 * common ones, JX-4) and the family: a per-member material once for every member (only the adults
 * for an adults-only one), a material for a marital status only when the applicant has it. Files
 * are always the applicant's attachments, also when counter staff file them (JX-1): an earlier
 * upload or a fetched electronic licence is filed again ("upload once"), a new upload is
 * stored for the applicant first. Each filing is a {@code JX_MATERIAL} row and a filing of the
 * attachment with the case in the core, which freezes it on submission.
 */
@Component(service = {MaterialsService.class, MaterialsCheck.class})
public class MaterialsService implements MaterialsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(MaterialsService.class);

    /** The calendar ages are judged in: the one on the ID card. */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** Age from which a member counts for adults-only materials. */
    static final int ADULT_AGE = 18;

    /** The attachment kinds of electronic licences: one of them alone satisfies a material. */
    static final Set<String> LICENCE_KINDS =
            Arrays.stream(LicenceType.values())
                    .map(LicenceType::kind)
                    .collect(Collectors.toUnmodifiableSet());

    /**
     * A line of the checklist before its files are known.
     *
     * @param material the material
     * @param member the member it is for, or null for the family
     */
    record Slot(Material material, MemberEntity member) {

        String memberId() {
            return member == null ? null : member.id();
        }
    }

    private final ApplicationAccess access;
    private final AttachmentService attachments;
    private final Clock clock;

    /** Built by DS. */
    @Activate
    public MaterialsService(
            @Reference ApplicationAccess access, @Reference AttachmentService attachments) {
        this(access, attachments, Clock.systemUTC());
    }

    /** For tests: a fixed clock decides who is an adult. */
    MaterialsService(ApplicationAccess access, AttachmentService attachments, Clock clock) {
        this.access = access;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** The checklist of an application the caller may read. */
    public Checklist checklist(Caller caller, String caseId) {
        Found f = access.read(caller, caseId);
        return new Checklist(items(f.application(), f.record()));
    }

    /**
     * The checklist of an application, for views of it: one item per material, and per member for
     * per-member materials, in the configuration's order and the family's.
     */
    public List<MaterialItem> items(ApplicationEntity app, CaseRecord record) {
        List<MemberEntity> members = access.members(app.caseId());
        List<Slot> slots = slots(app, members, referenceDay(record));
        List<MaterialEntity> rows = rows(app.caseId());
        Map<String, Attachment> filed = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            attachments.ofCase(app.caseId()).forEach(a -> filed.put(a.id(), a));
        }
        List<MaterialItem> items = new ArrayList<>();
        for (Slot s : slots) {
            List<Attachment> files =
                    rows.stream()
                            .filter(r -> r.materialCode().equals(s.material().code()))
                            .filter(r -> Objects.equals(r.memberId(), s.memberId()))
                            .map(r -> filed.get(r.attachmentId()))
                            // taken off the case meanwhile (e.g. deleted by its owner)
                            .filter(Objects::nonNull)
                            .sorted(Comparator.comparing(Attachment::createdAt))
                            .toList();
            Material m = s.material();
            items.add(
                    new MaterialItem(
                            m.code(),
                            m.name(),
                            m.hint(),
                            m.required(),
                            m.licence(),
                            m.uploadKind(),
                            m.kinds(),
                            s.memberId(),
                            s.member() == null ? null : s.member().name(),
                            files.stream().map(MaterialsService::filed).toList(),
                            satisfied(m, files)));
        }
        return items;
    }

    /**
     * Files an attachment of the applicant for a material (JX-8): an earlier upload or a fetched
     * electronic licence. Counter staff file the applicant's files, never their own: the core
     * refuses another account's file with 404. A licence filed for a member must be that member's.
     */
    public Checklist file(
            Caller caller, String caseId, String code, String attachmentId, String memberId) {
        Found f = access.edit(caller, caseId);
        Slot slot = slot(f, code, memberId);
        if (attachmentId == null || attachmentId.isBlank()) {
            throw ProblemException.invalidField(
                    "attachmentId", "请选择要提交的文件", "Choose the file to file");
        }
        String applicant = f.application().accountId();
        Attachment a =
                attachments.list(applicant, null).stream()
                        .filter(x -> x.id().equals(attachmentId.strip()))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.notFound(null));
        Material m = slot.material();
        if (!m.kinds().contains(a.kind()) || (LICENCE_KINDS.contains(a.kind()) && !a.isLicence())) {
            throw ProblemException.invalidField(
                    "attachmentId",
                    "该文件不是" + m.name().zh() + "，请选择正确的文件",
                    "This file is not a " + m.name().en());
        }
        if (a.isLicence()
                && slot.member() != null
                && !Objects.equals(Masking.name(slot.member().name()), a.subjectName())) {
            throw ProblemException.invalidField(
                    "memberId",
                    "该电子证照不属于所选家庭成员",
                    "This electronic licence is not the chosen member's");
        }
        fileIt(f, slot, a, caller);
        return new Checklist(items(f.application(), f.record()));
    }

    /**
     * Stores a new file as the applicant's attachment of one of the material's kinds (default its
     * upload kind; never a licence kind, those only come from the licence service) and files it.
     */
    public Checklist upload(
            Caller caller,
            String caseId,
            String code,
            String memberId,
            String kind,
            String fileName,
            byte[] content) {
        Found f = access.edit(caller, caseId);
        Slot slot = slot(f, code, memberId);
        Material m = slot.material();
        String k = kind == null || kind.isBlank() ? m.uploadKind() : kind.strip();
        if (!m.kinds().contains(k) || LICENCE_KINDS.contains(k)) {
            throw ProblemException.invalidField(
                    "kind", "该材料不接受此类文件：" + k, "This material does not take files of kind " + k);
        }
        if (content == null || content.length == 0) {
            throw ProblemException.invalidField("file", "请选择要上传的文件", "The file is missing");
        }
        Attachment a = attachments.upload(f.application().accountId(), k, fileName, content);
        fileIt(f, slot, a, caller);
        return new Checklist(items(f.application(), f.record()));
    }

    /**
     * Takes a file off a material. The file stays the applicant's (it may be filed again); it is
     * taken off the case unless another material or the commitment letter still uses it.
     */
    public Checklist remove(Caller caller, String caseId, String code, String attachmentId) {
        Found f = access.edit(caller, caseId);
        List<MaterialEntity> rows = rows(caseId);
        List<MaterialEntity> these =
                rows.stream()
                        .filter(r -> r.materialCode().equals(code))
                        .filter(r -> r.attachmentId().equals(attachmentId))
                        .toList();
        if (these.isEmpty()) {
            throw ProblemException.notFound(null);
        }
        boolean stillUsed =
                rows.stream()
                                .anyMatch(
                                        r ->
                                                r.attachmentId().equals(attachmentId)
                                                        && !r.materialCode().equals(code))
                        || attachmentId.equals(f.application().commitmentAttachmentId());
        if (!stillUsed) {
            attachments.unfileFromCase(caseId, f.application().accountId(), attachmentId);
        }
        Set<String> ids = these.stream().map(MaterialEntity::id).collect(Collectors.toSet());
        access.tx()
                .run(
                        em ->
                                ids.forEach(
                                        id -> {
                                            MaterialEntity r = em.find(MaterialEntity.class, id);
                                            if (r != null) {
                                                em.remove(r);
                                            }
                                        }));
        LOG.info(
                "Case {}: material {} attachment {} taken off by {}",
                caseId,
                code,
                attachmentId,
                caller.accountId());
        return new Checklist(items(f.application(), f.record()));
    }

    /**
     * What is missing for submission (JX-8, JX-9): one error per required material not satisfied,
     * named {@code materials.<code>}, or {@code materials.<code>[<memberId>]} for a member's. A
     * per-member material needs the family saved first: without members only the family materials
     * are checked (the family step reports the missing applicant).
     *
     * @param caseId the application's case id
     * @return the errors, Chinese message first; empty when the materials are complete
     */
    @Override
    public List<FieldError> problems(String caseId) {
        ApplicationEntity app = access.tx().read(em -> em.find(ApplicationEntity.class, caseId));
        if (app == null) {
            throw ProblemException.notFound(null);
        }
        CaseRecord record =
                access.cases().find(caseId).orElseThrow(() -> ProblemException.notFound(null));
        List<FieldError> errors = new ArrayList<>();
        for (MaterialItem i : items(app, record)) {
            if (!i.required() || i.satisfied()) {
                continue;
            }
            String how = i.licence() == null ? "请上传" : "请获取电子证照或上传";
            String howEn =
                    i.licence() == null ? "Upload " : "Fetch the electronic licence or upload ";
            errors.add(
                    i.memberId() == null
                            ? new FieldError(
                                    "materials." + i.code(),
                                    how + i.name().zh(),
                                    howEn + i.name().en())
                            : new FieldError(
                                    "materials." + i.code() + "[" + i.memberId() + "]",
                                    how + name(i.memberName()) + "的" + i.name().zh(),
                                    howEn + i.name().en() + " of " + name(i.memberName())));
        }
        return errors;
    }

    @Override
    public void membersRemoved(String caseId, String applicantId, Set<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        List<MaterialEntity> rows = rows(caseId);
        List<MaterialEntity> gone =
                rows.stream()
                        .filter(r -> r.memberId() != null && memberIds.contains(r.memberId()))
                        .toList();
        Set<String> kept =
                rows.stream()
                        .filter(r -> !gone.contains(r))
                        .map(MaterialEntity::attachmentId)
                        .collect(Collectors.toSet());
        access.tx()
                .run(
                        em ->
                                gone.forEach(
                                        r -> {
                                            MaterialEntity row =
                                                    em.find(MaterialEntity.class, r.id());
                                            if (row != null) {
                                                em.remove(row);
                                            }
                                        }));
        gone.stream()
                .map(MaterialEntity::attachmentId)
                .filter(a -> !kept.contains(a))
                .distinct()
                .forEach(a -> attachments.unfileFromCase(caseId, applicantId, a));
    }

    // ---------------------------------------------------------------------------------------------

    /** The checklist's lines for the category and the family, before files. */
    List<Slot> slots(ApplicationEntity app, List<MemberEntity> members, LocalDate on) {
        MemberEntity applicant =
                members.stream()
                        .filter(m -> "SELF".equals(m.relation()))
                        .findFirst()
                        .orElse(members.isEmpty() ? null : members.get(0));
        String marital = applicant == null ? null : applicant.maritalStatus();
        List<Slot> slots = new ArrayList<>();
        for (Material m : access.categories().materialsOf(app.categoryCode())) {
            if (m.when() != null && !m.when().equals(marital)) {
                continue;
            }
            if (!m.perMember()) {
                slots.add(new Slot(m, null));
                continue;
            }
            for (MemberEntity member : members) {
                if (!m.adultsOnly() || adult(member, on)) {
                    slots.add(new Slot(m, member));
                }
            }
        }
        return slots;
    }

    /**
     * Whether a member is 18 or older on the day: judged from the birth date in the ID number. An
     * ID number not (yet) valid counts as an adult's, so that a typing mistake never drops a
     * required material; the family step reports the number itself.
     */
    static boolean adult(MemberEntity member, LocalDate on) {
        String id = member.idNumber();
        if (id == null || ResidentIdNumber.defect(id, on).isPresent()) {
            return true;
        }
        return !ResidentIdNumber.birthDate(id).plusYears(ADULT_AGE).isAfter(on);
    }

    /**
     * The day ages are judged on: the application's time, i.e. today while it is being filled in
     * (or corrected), the day it was submitted afterwards.
     */
    LocalDate referenceDay(CaseRecord record) {
        boolean editing =
                record.status() == CaseStatus.DRAFT || record.status() == CaseStatus.RETURNED;
        Instant at =
                editing || record.submittedAt() == null ? clock.instant() : record.submittedAt();
        return LocalDate.ofInstant(at, CITY);
    }

    /**
     * Enough is filed: an electronic licence, or one file of every other accepted kind (an ID
     * card's front and back).
     */
    static boolean satisfied(Material m, List<Attachment> files) {
        if (files.stream().anyMatch(a -> a.isLicence() && LICENCE_KINDS.contains(a.kind()))) {
            return true;
        }
        Set<String> needed = new HashSet<>(m.kinds());
        needed.removeAll(LICENCE_KINDS);
        if (needed.isEmpty()) {
            return false;
        }
        Set<String> have = files.stream().map(Attachment::kind).collect(Collectors.toSet());
        return have.containsAll(needed);
    }

    /** The line of the current checklist a filing goes to: 404 for a material not on it. */
    private Slot slot(Found f, String code, String memberId) {
        List<Slot> slots =
                slots(f.application(), access.members(f.id()), referenceDay(f.record())).stream()
                        .filter(s -> s.material().code().equals(code))
                        .toList();
        if (slots.isEmpty()) {
            throw ProblemException.notFound("material " + code);
        }
        if (!slots.get(0).material().perMember()) {
            // a family material: a member named by the client does not matter
            return slots.get(0);
        }
        if (memberId == null || memberId.isBlank()) {
            throw ProblemException.invalidField(
                    "memberId", "请选择这份材料所属的家庭成员", "Choose the member this material is for");
        }
        return slots.stream()
                .filter(s -> s.memberId().equals(memberId.strip()))
                .findFirst()
                .orElseThrow(
                        () ->
                                ProblemException.invalidField(
                                        "memberId",
                                        "该家庭成员不需要提供这份材料",
                                        "This member does not need this material"));
    }

    /** Files the attachment with the case in the core, then records for which material. */
    private void fileIt(Found f, Slot slot, Attachment a, Caller caller) {
        String caseId = f.id();
        attachments.fileWithCase(caseId, f.application().accountId(), List.of(a.id()));
        String code = slot.material().code();
        Instant now = clock.instant();
        access.tx()
                .run(
                        em -> {
                            MaterialEntity row =
                                    em
                                            .createQuery(
                                                    "SELECT m FROM MaterialEntity m WHERE"
                                                            + " m.caseId = :c AND m.materialCode"
                                                            + " = :k AND m.attachmentId = :a",
                                                    MaterialEntity.class)
                                            .setParameter("c", caseId)
                                            .setParameter("k", code)
                                            .setParameter("a", a.id())
                                            .getResultList()
                                            .stream()
                                            .findFirst()
                                            .orElse(null);
                            if (row == null) {
                                row = new MaterialEntity(UUID.randomUUID().toString());
                                row.caseId(caseId);
                                row.materialCode(code);
                                row.attachmentId(a.id());
                                em.persist(row);
                            }
                            // filed again for another member: it moves (one file, one owner)
                            row.memberId(slot.memberId());
                            row.filedBy(caller.accountId());
                            row.filedAt(now);
                        });
        LOG.info(
                "Case {}: attachment {} filed as {} by {}",
                caseId,
                a.id(),
                code,
                caller.accountId());
    }

    private List<MaterialEntity> rows(String caseId) {
        return access.tx()
                .read(
                        em ->
                                em.createQuery(
                                                "SELECT m FROM MaterialEntity m WHERE m.caseId ="
                                                        + " :c ORDER BY m.filedAt",
                                                MaterialEntity.class)
                                        .setParameter("c", caseId)
                                        .getResultList());
    }

    private static Filed filed(Attachment a) {
        return new Filed(
                a.id(),
                a.kind(),
                a.fileName(),
                a.mediaType(),
                a.size(),
                a.source(),
                a.subjectName(),
                a.createdAt() == null ? null : a.createdAt().atZone(CITY).toOffsetDateTime());
    }

    private static String name(String memberName) {
        return memberName == null || memberName.isBlank() ? "家庭成员" : memberName;
    }
}
