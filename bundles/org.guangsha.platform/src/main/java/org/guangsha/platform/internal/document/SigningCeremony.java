package org.guangsha.platform.internal.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;
import org.guangsha.platform.attachment.Attachment;
import org.guangsha.platform.audit.AuditLog;
import org.guangsha.platform.document.DocumentType;
import org.guangsha.platform.document.IssueRequest;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.document.SigningFlow;
import org.guangsha.platform.document.SigningListener;
import org.guangsha.platform.document.SigningRequest;
import org.guangsha.platform.document.SigningService;
import org.guangsha.platform.document.SigningStep;
import org.guangsha.platform.identity.FaceSessions;
import org.guangsha.platform.internal.attachment.AttachmentStore;
import org.guangsha.platform.internal.audit.AuditLogs;
import org.guangsha.platform.persistence.JpaTransactions;
import org.guangsha.platform.persistence.Schema;
import org.guangsha.platform.rest.Problem;
import org.guangsha.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing ceremony (P-3, seed 001 §6), kept in the database so every node agrees on the step.
 * Each step is accepted only when the flow stands exactly there (409 otherwise), the reading steps
 * only once the server's countdown has run, the face step only with a PASSED face session made for
 * this flow ({@code sign:<flow id>}). The last step stores the handwritten signature, renders the
 * contract with it in its field, has the city seal it digitally and issues it as a document.
 */
@Component(
        service = {SigningCeremony.class, SigningService.class},
        configurationPid = DocumentConfiguration.PID)
public class SigningCeremony implements SigningService {

    private static final Logger LOG = LoggerFactory.getLogger(SigningCeremony.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONGEST_COUNTDOWN = Duration.ofMinutes(10);

    private final JpaTransactions tx;
    private final DocumentIssuer documents;
    private final AttachmentStore attachments;
    private final FaceSessions faces;
    private final CitySeal seal;
    private final Clock clock;
    private volatile Duration lifetime;
    private final List<SigningListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    /** Built by DS. */
    @Activate
    public SigningCeremony(
            @Reference(target = "(osgi.unit.name=guangsha-platform)") EntityManagerFactory emf,
            @Reference(target = "(" + Schema.MODULE_PROPERTY + "=platform)") Schema schema,
            @Reference DocumentIssuer documents,
            @Reference AttachmentStore attachments,
            @Reference FaceSessions faces,
            @Reference CitySeal seal,
            DocumentConfiguration config) {
        this(
                new JpaTransactions(emf),
                documents,
                attachments,
                faces,
                seal,
                Clock.systemUTC(),
                Duration.ofMinutes(config.signing_minutes()));
    }

    SigningCeremony(
            JpaTransactions tx,
            DocumentIssuer documents,
            AttachmentStore attachments,
            FaceSessions faces,
            CitySeal seal,
            Clock clock,
            Duration lifetime) {
        this.tx = tx;
        this.documents = documents;
        this.attachments = attachments;
        this.faces = faces;
        this.seal = seal;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The city changed how long a ceremony may take. */
    @Modified
    void modified(DocumentConfiguration config) {
        lifetime = Duration.ofMinutes(config.signing_minutes());
    }

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(SigningListener listener) {
        listeners.add(listener);
    }

    void removeListener(SigningListener listener) {
        listeners.remove(listener);
    }

    @Override
    public SigningFlow start(SigningRequest r) {
        DocumentType type =
                documents
                        .type(r.documentTypeId())
                        .orElseThrow(
                                () ->
                                        ProblemException.invalidField(
                                                "documentTypeId",
                                                "未知的文书类型",
                                                "Unknown document type"));
        if (!type.template().contains("[signature:" + r.signatureField())) {
            throw ProblemException.invalidField(
                    "signatureField",
                    "合同模板中没有该签名位置",
                    "The contract template has no such signature field");
        }
        if (r.commitmentText().isBlank() || r.commitmentText().length() > 10000) {
            throw ProblemException.invalidField(
                    "commitmentText", "承诺书内容不能为空", "The commitment text is required");
        }
        checkCountdown("commitmentReading", r.commitmentReading());
        checkCountdown("contractReading", r.contractReading());
        // renders once now, so a contract with missing values fails here and not at the end
        documents.preview(type, r.accountId(), r.values(), null);
        String valuesJson = toJson(r.values());
        if (valuesJson.length() > 20000) {
            throw ProblemException.invalidField(
                    "values", "合同信息过长", "The contract's values are too long");
        }
        Instant now = clock.instant();
        SigningFlowEntity flow =
                new SigningFlowEntity(
                        UUID.randomUUID().toString(),
                        r.module(),
                        r.reference(),
                        r.accountId(),
                        type.id(),
                        valuesJson,
                        r.signatureField(),
                        r.commitmentText(),
                        (int) r.commitmentReading().toSeconds(),
                        (int) r.contractReading().toSeconds(),
                        r.regionCode(),
                        r.caseId(),
                        now,
                        now.plus(lifetime));
        tx.run(em -> em.persist(flow));
        return flow.view();
    }

    @Override
    public Optional<SigningFlow> find(String flowId, String accountId) {
        return entity(flowId, accountId).map(SigningFlowEntity::view);
    }

    /** The flow's stored parts, for the REST view. */
    Optional<SigningFlowEntity> entity(String flowId, String accountId) {
        if (flowId == null || accountId == null) {
            return Optional.empty();
        }
        return tx.read(
                em ->
                        Optional.ofNullable(em.find(SigningFlowEntity.class, flowId))
                                .filter(f -> f.accountId().equals(accountId)));
    }

    /** The contract's values, as the citizen confirms them. */
    Map<String, String> values(SigningFlowEntity flow) {
        try {
            return JSON.readValue(flow.valuesJson(), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable values of signing flow " + flow.id(), e);
        }
    }

    /** 确认信息. */
    public SigningFlow confirm(String flowId, String accountId) {
        return step(flowId, accountId, SigningStep.CONFIRM_DETAILS, f -> f.confirmed(now()));
    }

    /** 我已阅知 on the commitment letter, accepted once its countdown ran. */
    public SigningFlow commitmentRead(String flowId, String accountId) {
        return step(
                flowId,
                accountId,
                SigningStep.READ_COMMITMENT,
                f -> {
                    countdownOver(f);
                    f.commitmentRead(now());
                });
    }

    /** The typed or pasted commitment text; it must be the letter's text. */
    public SigningFlow commitmentTyped(String flowId, String accountId, String text) {
        return step(
                flowId,
                accountId,
                SigningStep.TYPE_COMMITMENT,
                f -> {
                    if (!normalized(f.commitmentText()).equals(normalized(text))) {
                        throw ProblemException.invalidField(
                                "text",
                                "输入的内容与承诺书不一致，请复制粘贴承诺书全文",
                                "The text differs from the commitment letter; paste it whole");
                    }
                    f.commitmentTyped(now());
                });
    }

    /** The face check done on the phone for this flow. */
    public SigningFlow facePassed(String flowId, String accountId, String sessionId) {
        return step(
                flowId,
                accountId,
                SigningStep.FACE_CHECK,
                f -> {
                    if (!faces.consume(sessionId, accountId, purpose(flowId))) {
                        throw ProblemException.conflict(
                                "face-check-required",
                                "人脸识别未通过或已失效，请重新扫码识别",
                                "No passed face check for this signing; scan again",
                                "purpose " + purpose(flowId));
                    }
                    f.facePassed(sessionId, now());
                });
    }

    /** The contract was read to its end, accepted once its countdown ran. */
    public SigningFlow contractRead(String flowId, String accountId) {
        return step(
                flowId,
                accountId,
                SigningStep.READ_CONTRACT,
                f -> {
                    countdownOver(f);
                    f.contractRead(now());
                });
    }

    /**
     * The handwritten signature (PNG from the signature pad): the contract is rendered with it,
     * sealed by the city and issued. The flow is claimed first, so two requests cannot both sign.
     */
    public SigningFlow sign(String flowId, String accountId, byte[] png) {
        SigningFlowEntity claimed =
                transition(
                        flowId,
                        accountId,
                        SigningStep.SIGN,
                        f -> {
                            if (f.signing()) {
                                throw outOfOrder(SigningStep.SIGN, "签署正在进行 signing in progress");
                            }
                            f.startSigning();
                        });
        IssuedDocument document;
        Attachment signature;
        try {
            signature = attachments.storeSignature(accountId, png);
            document =
                    documents.issue(
                            new IssueRequest(
                                    claimed.documentType(),
                                    accountId,
                                    claimed.regionCode(),
                                    claimed.caseId(),
                                    values(claimed)),
                            Map.of(claimed.signatureField(), png),
                            pdf -> seal.seal(pdf, "签订合同 Contract signed by the tenant"),
                            true);
        } catch (RuntimeException | Error e) {
            tx.run(em -> em.find(SigningFlowEntity.class, flowId).signingFailed());
            throw e;
        }
        Instant at = now();
        SigningFlow done =
                tx.write(
                        em -> {
                            SigningFlowEntity f = em.find(SigningFlowEntity.class, flowId);
                            f.signed(signature.id(), document.id(), at);
                            return f.view();
                        });
        AuditLogs.record(
                auditLog,
                "signing.completed",
                accountId,
                "signing:" + flowId,
                null,
                "document=document:"
                        + document.id()
                        + " number="
                        + document.number()
                        + " type="
                        + claimed.documentType()
                        + " case="
                        + claimed.caseId());
        for (SigningListener l : listeners) {
            try {
                l.signed(done, document);
            } catch (RuntimeException e) {
                LOG.warn("Signing listener {} failed for flow {}", l, flowId, e);
            }
        }
        return done;
    }

    /** The face-check purpose a flow's face session must carry. */
    static String purpose(String flowId) {
        return "sign:" + flowId;
    }

    private SigningFlow step(
            String flowId,
            String accountId,
            SigningStep expected,
            Consumer<SigningFlowEntity> work) {
        return transition(flowId, accountId, expected, work).view();
    }

    private SigningFlowEntity transition(
            String flowId,
            String accountId,
            SigningStep expected,
            Consumer<SigningFlowEntity> work) {
        try {
            return tx.write(
                    em -> {
                        SigningFlowEntity f =
                                flowId == null ? null : em.find(SigningFlowEntity.class, flowId);
                        if (f == null || !f.accountId().equals(accountId)) {
                            throw ProblemException.notFound(null);
                        }
                        if (f.step() != SigningStep.DONE && now().isAfter(f.expiresAt())) {
                            throw ProblemException.conflict(
                                    "signing-expired",
                                    "签约已超时，请重新发起",
                                    "This signing expired; start again",
                                    null);
                        }
                        if (f.step() != expected) {
                            throw outOfOrder(f.step(), null);
                        }
                        work.accept(f);
                        return f;
                    });
        } catch (PersistenceException e) {
            // a commit refused is another request's step that came first
            if (e instanceof RollbackException || JpaTransactions.optimisticLockFailure(e)) {
                throw concurrent(e);
            }
            throw e;
        }
    }

    private static ProblemException concurrent(RuntimeException e) {
        LOG.debug("Concurrent signing step", e);
        return ProblemException.conflict(
                "signing-step-out-of-order",
                "该步骤已由另一请求完成，请刷新",
                "Another request did this step; reload",
                null);
    }

    private static ProblemException outOfOrder(SigningStep current, String detail) {
        return ProblemException.conflict(
                "signing-step-out-of-order",
                "请按顺序完成签约步骤",
                "Do the signing steps in order",
                "当前步骤 current step: " + current + (detail == null ? "" : "; " + detail));
    }

    private void countdownOver(SigningFlowEntity f) {
        Instant readable = f.readableAt();
        Instant now = now();
        if (readable != null && now.isBefore(readable)) {
            long left = Duration.between(now, readable).toSeconds() + 1;
            throw new ProblemException(
                    new Problem(
                            Problem.type("countdown-running"),
                            "请先阅读，倒计时结束后再确认",
                            "Read on: the countdown has not ended",
                            409,
                            "还剩 " + left + " 秒 (" + left + " s left)",
                            null,
                            null),
                    Map.of("Retry-After", Long.toString(left)));
        }
    }

    private static void checkCountdown(String field, Duration d) {
        if (d.isNegative() || d.compareTo(LONGEST_COUNTDOWN) > 0) {
            throw ProblemException.invalidField(
                    field, "倒计时应在0到10分钟之间", "A countdown lies between 0 and 10 minutes");
        }
    }

    /** Pasting may add or drop line breaks and spaces; the words must be the same. */
    static String normalized(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u3000]+", "");
    }

    private Instant now() {
        return clock.instant();
    }

    private static String toJson(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("values", e);
        }
    }
}
