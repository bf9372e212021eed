package org.guangsha.jiangxi.application.internal;

import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.guangsha.jiangxi.application.internal.store.ApplicationEntity;
import org.guangsha.jiangxi.application.internal.store.MemberEntity;
import org.guangsha.platform.casework.CaseRecord;
import org.guangsha.platform.casework.CaseService;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.casework.Channel;
import org.guangsha.platform.identity.AccountKind;
import org.guangsha.platform.identity.Caller;
import org.guangsha.platform.identity.Regions;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Who may read and change an application, in one place for every part of the line: its applicant,
 * and for an application filed at the counter (JX-1) the caseworkers whose region covers it. Anyone
 * else gets 404, so an application's existence is not given away. Also holds what every part reads:
 * the line's transactions, the configuration and the applicant categories.
 */
@Component(service = ApplicationAccess.class, configurationPid = JiangxiConfiguration.PID)
public class ApplicationAccess {

    /** Case states in which the form may change (C-1: 暂存, returned for correction). */
    static final Set<CaseStatus> EDITABLE = Set.of(CaseStatus.DRAFT, CaseStatus.RETURNED);

    /**
     * An application with its case, as the caller may see it.
     *
     * @param application the line's row
     * @param record the core's case
     * @param staff whether the caller is counter staff acting for the applicant
     */
    public record Found(ApplicationEntity application, CaseRecord record, boolean staff) {

        /** The case id, which is the application's id. */
        public String id() {
            return application.caseId();
        }

        /** Whether the form may change now. */
        public boolean editable() {
            return EDITABLE.contains(record.status()) && application.erasedAt() == null;
        }
    }

    private final JpaTransactions tx;
    private final CaseService cases;
    private final Regions regions;
    private volatile JiangxiConfiguration config;
    private volatile Categories categories;

    /** Built by DS. */
    @Activate
    public ApplicationAccess(
            @Reference(target = "(osgi.unit.name=guangsha-jiangxi)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=jiangxi)") Schema schema,
            @Reference CaseService cases,
            @Reference Regions regions,
            JiangxiConfiguration config) {
        this(
                new JpaTransactions(emf),
                cases,
                regions,
                config,
                Categories.load(config.categories_file()));
    }

    /**
     * For tests. A factory, not a second public constructor: DS would find two constructors of five
     * arguments and log an error for this one.
     */
    public static ApplicationAccess forTests(
            JpaTransactions tx,
            CaseService cases,
            Regions regions,
            JiangxiConfiguration config,
            Categories categories) {
        return new ApplicationAccess(tx, cases, regions, config, categories);
    }

    private ApplicationAccess(
            JpaTransactions tx,
            CaseService cases,
            Regions regions,
            JiangxiConfiguration config,
            Categories categories) {
        this.tx = tx;
        this.cases = cases;
        this.regions = regions;
        this.config = config;
        this.categories = categories;
    }

    /** A changed configuration (or categories file name) applies at once. */
    @Modified
    void modified(JiangxiConfiguration changed) {
        this.categories = Categories.load(changed.categories_file());
        this.config = changed;
    }

    /** The line's transactions. */
    public JpaTransactions tx() {
        return tx;
    }

    /** The configuration in force. */
    public JiangxiConfiguration config() {
        return config;
    }

    /** The applicant categories in force. */
    public Categories categories() {
        return categories;
    }

    /** The core's cases. */
    public CaseService cases() {
        return cases;
    }

    /** The region tree and who may act where. */
    public Regions regions() {
        return regions;
    }

    /**
     * The application, if the caller may see it: the applicant always; counter staff of its region
     * when it was filed at the counter. 404 otherwise, and for an erased one (C-3).
     */
    public Found read(Caller caller, String id) {
        ApplicationEntity app =
                id == null ? null : tx.read(em -> em.find(ApplicationEntity.class, id));
        if (app == null || app.erasedAt() != null) {
            throw ProblemException.notFound(null);
        }
        boolean own = caller.accountId().equals(app.accountId());
        boolean staff = !own && isCounterStaff(caller, app);
        if (!own && !staff) {
            throw ProblemException.notFound(null);
        }
        CaseRecord record = cases.find(id).orElseThrow(() -> ProblemException.notFound(null));
        return new Found(app, record, staff);
    }

    /**
     * The application, if the caller may change its form now: as {@link #read}, the case still a
     * draft or returned (409 {@code application-not-editable}) and the identity checked (JX-3, 409
     * {@code face-check-required}).
     */
    public Found edit(Caller caller, String id) {
        Found f = read(caller, id);
        if (!f.editable()) {
            throw ProblemException.conflict(
                    "application-not-editable",
                    "申请已提交，不能再修改",
                    "The application was submitted and cannot be changed",
                    f.record().status().name());
        }
        if (f.application().faceVerifiedAt() == null) {
            throw ProblemException.conflict(
                    "face-check-required", "请先完成人脸识别身份验证", "Pass the face check first", null);
        }
        return f;
    }

    /** Counter staff: caseworkers whose region covers an application filed at the counter. */
    boolean isCounterStaff(Caller caller, ApplicationEntity app) {
        return caller.kind() == AccountKind.STAFF
                && Channel.COUNTER.name().equals(app.channel())
                && caller.roles().contains("CASEWORKER")
                && regions.mayAct(caller, app.regionCode());
    }

    /** The applicant (position 0) and co-applicants of an application, in order. */
    public List<MemberEntity> members(String caseId) {
        return tx.read(em -> members(em, caseId));
    }

    /** The same, inside a transaction already open. */
    static List<MemberEntity> members(EntityManager em, String caseId) {
        return em.createQuery(
                        "SELECT m FROM MemberEntity m WHERE m.caseId = :c ORDER BY m.position",
                        MemberEntity.class)
                .setParameter("c", caseId)
                .getResultList();
    }
}
