package org.guangsha.sandbox.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.attachment.Licence;
import org.guangsha.platform.attachment.LicenceProvider;
import org.guangsha.platform.attachment.LicenceType;
import org.guangsha.platform.document.DocumentService;
import org.guangsha.platform.i18n.LocalizedText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The simulated electronic-licence service (电子证照, DOMAIN.md A-3). It answers every person with a
 * sample PDF, watermarked 沙箱样本 on every page and saying in its text that it is no licence, built
 * from the name and ID number the platform verified. ID numbers whose sequence digits are 999 have
 * no licence, to exercise the "upload instead" path.
 */
@Component(service = LicenceProvider.class)
public class SandboxLicences implements LicenceProvider {

    static final String ID_CARD =
            """
            # 居民身份证 电子证照（沙箱样本）
            > 沙箱样本，仅供演示与测试，不是真实证照，无任何效力。SANDBOX SAMPLE - not a licence.
            | 姓名 Name | ${name} |
            | 公民身份号码 ID number | ${idNumber} |
            | 出生 Born | ${born} |
            | 签发机关 Issued by | ${issuer} |
            | 有效期限 Valid | ${validity} |
            | 证照编号 Licence number | ${licenceNumber} |
            """;

    static final String HOUSEHOLD_REGISTER =
            """
            # 居民户口簿 电子证照（沙箱样本）
            > 沙箱样本，仅供演示与测试，不是真实证照，无任何效力。SANDBOX SAMPLE - not a licence.
            | 户主姓名 Head | ${name} |
            | 与户主关系 Relation | 户主 |
            | 公民身份号码 ID number | ${idNumber} |
            | 户籍地行政区划 Region code | ${region} |
            | 登记机关 Registered by | ${issuer} |
            | 证照编号 Licence number | ${licenceNumber} |
            """;

    private final DocumentService documents;

    /** Built by DS. */
    @Activate
    public SandboxLicences(@Reference DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public String id() {
        return "sandbox";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("电子证照库（沙箱模拟）", "Electronic licences (sandbox simulation)");
    }

    @Override
    public Optional<Licence> fetch(LicenceType type, String name, String idNumber) {
        if (idNumber == null || idNumber.length() != 18 || idNumber.startsWith("999", 14)) {
            return Optional.empty();
        }
        String number =
                "SANDBOX-"
                        + (type == LicenceType.ID_CARD ? "ID-" : "HR-")
                        + Integer.toHexString(idNumber.hashCode() & 0xfffffff).toUpperCase();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("idNumber", idNumber);
        values.put(
                "born",
                idNumber.substring(6, 10)
                        + "-"
                        + idNumber.substring(10, 12)
                        + "-"
                        + idNumber.substring(12, 14));
        values.put("region", idNumber.substring(0, 6));
        values.put("issuer", "沙箱公安局 Sandbox police bureau");
        LocalDate until = LocalDate.now().plusYears(10);
        values.put("validity", "至 " + until);
        values.put("licenceNumber", number);
        byte[] pdf =
                documents.render(
                        type == LicenceType.ID_CARD ? ID_CARD : HOUSEHOLD_REGISTER,
                        values,
                        "沙箱样本 SANDBOX SAMPLE");
        return Optional.of(
                new Licence(
                        pdf,
                        type.label().zh() + "（沙箱样本）.pdf",
                        number,
                        "沙箱公安局 Sandbox police bureau",
                        type == LicenceType.ID_CARD ? until : null));
    }
}
