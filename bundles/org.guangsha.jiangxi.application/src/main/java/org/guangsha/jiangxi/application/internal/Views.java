package org.guangsha.jiangxi.application.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.guangsha.platform.casework.CaseStatus;
import org.guangsha.platform.i18n.LocalizedText;

/** What the line's REST API reads and writes (the README's shapes). */
public final class Views {

    private Views() {}

    /** {@code GET /api/jiangxi/consent}. */
    public record ConsentView(boolean granted, String version, Instant grantedAt, String channel) {}

    /** Body of {@code POST /api/jiangxi/consent}. */
    public record ConsentRequest(String version, String channel) {}

    /** Body of {@code POST /api/jiangxi/applications}. */
    public record NewApplication(String regionCode, Boolean confirmRegion, String channel) {}

    /** Body of {@code POST /api/jiangxi/counter/applications}. */
    public record CounterApplication(
            String citizenId,
            String regionCode,
            Boolean confirmRegion,
            Boolean consentSigned,
            Boolean identityChecked) {}

    /** Body of {@code POST …/face}. */
    public record FaceRequest(String sessionId) {}

    /** Body of {@code POST …/submit}. */
    public record SubmitRequest(Boolean confirm) {}

    /** Which steps were last saved complete. */
    public record Steps(boolean type, boolean family, boolean assets, boolean materials) {}

    /** The {@code type} step. */
    public record TypeStep(String applicationType, String categoryCode) {}

    /** A member's employment. */
    public record Employment(
            String status, String employer, String occupation, Long monthlyIncomeFen) {}

    /** A member's residence. */
    public record Residence(
            String hukouType,
            String hukouAddress,
            String currentAddress,
            String housingSituation,
            BigDecimal livingAreaM2,
            String residentSince) {}

    /** The applicant or a co-applicant (JX-6). */
    public record Member(
            String id,
            String relation,
            String name,
            String idNumber,
            String mobile,
            String maritalStatus,
            Employment employment,
            Residence residence) {}

    /** The {@code family} step. */
    public record FamilyStep(Member applicant, List<Member> members) {}

    /** A vehicle. */
    public record Vehicle(String ownerName, String plateNumber, String model, Long valueFen) {}

    /** A piece of real estate. */
    public record RealEstate(
            String ownerName, String address, BigDecimal areaM2, String certificateNumber) {}

    /** A business registration. */
    public record Business(String ownerName, String name, String creditCode) {}

    /** The authorization commitment letter (JX-7). */
    public record Commitment(String mode, String documentId, String attachmentId, Instant at) {}

    /** The {@code assets} step (JX-7); {@code commitment} is read only. */
    public record AssetsStep(
            Boolean hasVehicle,
            List<Vehicle> vehicles,
            Boolean hasRealEstate,
            List<RealEstate> realEstates,
            Boolean hasBusiness,
            List<Business> businesses,
            Long depositsFen,
            Long securitiesFen,
            Commitment commitment) {}

    /** An application in a list. */
    public record Summary(
            String id,
            String number,
            CaseStatus status,
            int level,
            String regionCode,
            LocalizedText regionName,
            String channel,
            String applicationType,
            String categoryCode,
            LocalizedText categoryName,
            Steps steps,
            Instant faceVerifiedAt,
            Instant createdAt,
            Instant updatedAt,
            Instant submittedAt) {}

    /** An application whole. */
    public record ApplicationView(
            String id,
            String number,
            CaseStatus status,
            int level,
            String regionCode,
            LocalizedText regionName,
            String channel,
            String applicationType,
            String categoryCode,
            LocalizedText categoryName,
            Steps steps,
            Instant faceVerifiedAt,
            Instant createdAt,
            Instant updatedAt,
            Instant submittedAt,
            String filedBy,
            String consentVersion,
            boolean editable,
            TypeStep type,
            FamilyStep family,
            AssetsStep assets,
            long version) {}

    /** A field of the review console's form view. */
    public record Field(String name, LocalizedText label, Object value) {}

    /** {@code GET /api/jiangxi/cases/{id}}. */
    public record CaseForm(String caseId, String typeId, List<Field> fields) {}

    /** A step of the flow (申请流程). */
    public record FlowStep(String key, LocalizedText name, LocalizedText description) {}

    /** {@code GET /api/jiangxi/guide}. */
    public record Guide(
            Map<String, Object> agreement,
            LocalizedText notice,
            List<FlowStep> flow,
            List<Map<String, Object>> applicationTypes,
            String provinceCode) {}
}
