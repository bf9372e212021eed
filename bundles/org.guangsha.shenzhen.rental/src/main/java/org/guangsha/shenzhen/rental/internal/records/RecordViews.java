package org.guangsha.shenzhen.rental.internal.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.guangsha.platform.document.IssuedDocument;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * The JSON bodies of {@code /api/shenzhen/rental/records}, {@code …/property-shares} and {@code
 * …/powers-of-attorney}.
 */
public final class RecordViews {

    private RecordViews() {}

    /**
     * A certificate issued by the core, with where to get its PDF.
     *
     * @param id the core document id
     * @param number the number printed on it
     * @param typeId its document type
     * @param name its name
     * @param issuedOn issue date (city)
     * @param validUntil last valid day, or null when it does not expire
     * @param status VALID, EXPIRED or REVOKED
     * @param pdf the path of its PDF (to view or print)
     * @param download the path that downloads it
     */
    public record DocumentView(
            String id,
            String number,
            String typeId,
            LocalizedText name,
            LocalDate issuedOn,
            LocalDate validUntil,
            String status,
            String pdf,
            String download) {

        /** The view of a core document. */
        static DocumentView of(IssuedDocument d) {
            if (d == null) {
                return null;
            }
            String pdf = "/api/documents/" + d.id() + "/pdf";
            return new DocumentView(
                    d.id(),
                    d.number(),
                    d.typeId(),
                    d.typeName(),
                    d.issuedOn(),
                    d.validUntil(),
                    d.status().name(),
                    pdf,
                    pdf + "?download=true");
        }
    }

    /**
     * Why something cannot be done now.
     *
     * @param rule the rule's slug, e.g. {@code record-once-a-month}
     * @param message in Chinese
     * @param messageEn in English
     */
    public record Reason(String rule, String message, String messageEn) {}

    /**
     * A policy-housing purchase the city holds.
     *
     * @param housingType ANJU, JINGJI, RENCAI or OTHER
     * @param housingTypeName its name
     * @param project 项目
     * @param address 坐落
     * @param districtCode the district of the home
     * @param purchasedOn when it was bought
     */
    public record PurchaseView(
            String housingType,
            LocalizedText housingTypeName,
            String project,
            String address,
            String districtCode,
            LocalDate purchasedOn) {}

    /**
     * SZ-6: {@code POST /records}.
     *
     * @param purpose what the certificate is for (optional, at most 50 characters)
     * @param channel MOBILE or PC (optional)
     */
    public record RecordRequest(String purpose, String channel) {}

    /**
     * One SZ-6 application.
     *
     * @param id the application id
     * @param period the city month it counts for ({@code yyyy-MM})
     * @param purpose what it is for
     * @param status ISSUED, REVIEW, APPROVED, REJECTED or WITHDRAWN
     * @param statusText the status in words
     * @param hasPurchaseRecord whether the city holds a purchase (then it is reviewed)
     * @param caseId the core case when reviewed, or null
     * @param caseNumber its number, or null
     * @param document the certificate once issued, or null
     * @param createdAt when applied
     */
    public record RecordApplicationView(
            String id,
            String period,
            String purpose,
            String status,
            LocalizedText statusText,
            boolean hasPurchaseRecord,
            String caseId,
            String caseNumber,
            DocumentView document,
            Instant createdAt) {}

    /**
     * SZ-6: {@code GET /records}.
     *
     * @param applications newest first
     * @param canApply whether an application is possible now
     * @param reason why not, or null
     * @param nextPossibleAt when the next application is possible (city time)
     * @param guide the 操作说明
     */
    public record RecordsOverview(
            List<RecordApplicationView> applications,
            boolean canApply,
            Reason reason,
            OffsetDateTime nextPossibleAt,
            LocalizedText guide) {}

    /**
     * SZ-7: {@code POST /property-shares}, the home and the share as the purchase contract says.
     *
     * @param project 项目名称
     * @param address 房屋坐落
     * @param districtCode the Shenzhen district of the home
     * @param certificateNo 不动产权证号 (optional)
     * @param contractNo 购房合同编号 (optional)
     * @param areaM2 建筑面积 (optional)
     * @param ownerSharePercent the family's share in per cent (0 &lt; x &lt; 100, two decimals)
     * @param channel MOBILE or PC (optional)
     */
    public record ShareRequest(
            String project,
            String address,
            String districtCode,
            String certificateNo,
            String contractNo,
            BigDecimal areaM2,
            BigDecimal ownerSharePercent,
            String channel) {}

    /**
     * Property-share information the city holds.
     *
     * @param id its id (print with {@code POST /property-shares/{id}/certificate})
     * @param project 项目名称
     * @param address 房屋坐落
     * @param districtCode its district
     * @param certificateNo 不动产权证号
     * @param areaM2 建筑面积
     * @param ownerSharePercent the family's share
     * @param governmentSharePercent the government's share
     * @param source IMPORT or CASE
     * @param certificate the latest certificate printed, or null
     */
    public record ShareView(
            String id,
            String project,
            String address,
            String districtCode,
            String certificateNo,
            BigDecimal areaM2,
            BigDecimal ownerSharePercent,
            BigDecimal governmentSharePercent,
            String source,
            DocumentView certificate) {}

    /**
     * One SZ-7 application.
     *
     * @param id its id
     * @param caseId the core case
     * @param caseNumber its number
     * @param status REVIEW, APPROVED, REJECTED or WITHDRAWN
     * @param statusText the status in words
     * @param project 项目名称
     * @param address 房屋坐落
     * @param ownerSharePercent the share declared
     * @param createdAt when applied
     */
    public record ShareApplicationView(
            String id,
            String caseId,
            String caseNumber,
            String status,
            LocalizedText statusText,
            String project,
            String address,
            BigDecimal ownerSharePercent,
            Instant createdAt) {}

    /**
     * SZ-7: {@code GET /property-shares}.
     *
     * @param shares the share information held
     * @param applications the applications, newest first
     * @param purchases the citizen's 安居房 purchases the city holds (to fill in the application)
     * @param canApply whether an application is possible now
     * @param reason why not, or null
     * @param guide the 操作说明
     */
    public record SharesOverview(
            List<ShareView> shares,
            List<ShareApplicationView> applications,
            List<PurchaseView> purchases,
            boolean canApply,
            Reason reason,
            LocalizedText guide) {}

    /**
     * SZ-8: {@code POST /powers-of-attorney}.
     *
     * @param agentName the agent (受托人)
     * @param agentIdNumber the agent's resident ID number
     * @param agentPhone the agent's mobile
     * @param agentRelation relation to the principal (e.g. 配偶)
     * @param registrationType the real-estate registration the agent handles (转移登记 …)
     * @param reason why the citizen cannot come in person
     * @param matters the matters entrusted (optional; a standard text otherwise)
     * @param propertyAddress the home's address
     * @param certificateNo 不动产权证号 (optional)
     * @param districtCode the Shenzhen district of the home
     * @param principalAddress the citizen's postal address
     * @param channel MOBILE or PC (optional)
     */
    public record PoaRequest(
            String agentName,
            String agentIdNumber,
            String agentPhone,
            String agentRelation,
            String registrationType,
            String reason,
            String matters,
            String propertyAddress,
            String certificateNo,
            String districtCode,
            String principalAddress,
            String channel) {}

    /**
     * One SZ-8 application (the agent's particulars masked).
     *
     * @param id its id
     * @param caseId the core case
     * @param caseNumber its number
     * @param status REVIEW, APPROVED, REJECTED or WITHDRAWN
     * @param statusText the status in words
     * @param agentName the agent, masked
     * @param agentIdNumber the agent's ID number, masked
     * @param agentRelation relation
     * @param registrationType the registration
     * @param propertyAddress the home
     * @param validUntil the last valid day once approved
     * @param valid whether it is approved and still valid
     * @param powerOfAttorney the 授权委托书, or null
     * @param registrationForm the 深圳市不动产登记申请表, or null
     * @param createdAt when applied
     */
    public record PoaApplicationView(
            String id,
            String caseId,
            String caseNumber,
            String status,
            LocalizedText statusText,
            String agentName,
            String agentIdNumber,
            String agentRelation,
            String registrationType,
            String propertyAddress,
            LocalDate validUntil,
            boolean valid,
            DocumentView powerOfAttorney,
            DocumentView registrationForm,
            Instant createdAt) {}

    /**
     * SZ-8: {@code GET /powers-of-attorney}.
     *
     * @param applications newest first
     * @param current the valid power of attorney, or null
     * @param canApply whether an application is possible now
     * @param reason why not, or null
     * @param registrationTypes the registrations one may entrust
     * @param guide the 操作说明
     */
    public record PoaOverview(
            List<PoaApplicationView> applications,
            PoaApplicationView current,
            boolean canApply,
            Reason reason,
            List<String> registrationTypes,
            LocalizedText guide) {}

    /**
     * What a reviewing caseworker (or the applicant) sees of a case's form, personal data masked.
     *
     * @param caseId the case
     * @param typeId its type
     * @param applicantName masked
     * @param applicantIdNumber masked
     * @param fields label and value, in order
     * @param purchases for a record application: the purchases the city holds
     */
    public record CaseForm(
            String caseId,
            String typeId,
            String applicantName,
            String applicantIdNumber,
            List<Field> fields,
            List<PurchaseView> purchases) {}

    /**
     * A labelled value of a form.
     *
     * @param name the field name
     * @param label its label
     * @param value its value (masked where personal)
     */
    public record Field(String name, LocalizedText label, String value) {}
}
