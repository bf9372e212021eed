package org.guangsha.jiangxi.application.internal;

import java.util.List;
import org.guangsha.platform.i18n.LocalizedText;

/**
 * What citizens read before applying (JX-2): the service-authorization privacy agreement
 * (服务授权隐私协议), the notice (申请须知) and the flow (申请流程), in the words of the province's guide.
 */
final class GuideTexts {

    static final LocalizedText AGREEMENT_TITLE =
            LocalizedText.of("服务授权隐私协议", "Service authorization and privacy agreement");

    static final LocalizedText AGREEMENT =
            LocalizedText.of(
                    """
                    为办理公租房申请，您需要授权本平台获取和使用您的以下信息：
                    一、身份信息：姓名、身份证号、手机号码，以及人脸识别核验结果，用于确认是您本人办理；
                    二、申请信息：您及共同申请人的家庭成员、就业、居住、收入和资产情况；
                    三、证照信息：经您同意，向电子证照库获取您的居民身份证、居民户口簿等电子证照，免于重复提交；
                    四、申请材料：您上传的证明材料和签署的授权承诺书。
                    上述信息仅用于公租房申请受理、资格审核和后续管理，由县（区）、市住房保障部门依法使用，
                    不会用于其他目的，也不会向无关第三方提供；列表、日志和公开页面中的证件号码、手机号码均作脱敏处理。
                    您可以随时取消授权；已提交审核的申请须先放弃申请。放弃申请后，申请人及共同申请人在本次申请中的信息将被清除且不能恢复。
                    点击"同意授权"即表示您已阅读并同意本协议；点击"取消授权"将不会保存任何信息。""",
                    """
                    To apply for public rental housing you authorize this platform to obtain and use:
                    1. Identity: your name, ID number, mobile number and the result of the face check, to make sure it is you;
                    2. The application: household members, employment, residence, income and assets of you and your co-applicants;
                    3. Licences: with your consent, your ID card and household register from the electronic licence service, so you need not upload them;
                    4. Materials: the documents you upload and the authorization commitment letter you sign.
                    They are used only to accept, review and manage the application, by the county and city housing-security
                    departments as the law allows, never for anything else nor given to unrelated third parties; ID and mobile
                    numbers are masked in lists, logs and public pages.
                    You may withdraw this authorization at any time; an application under review must be withdrawn first,
                    after which the data of the applicant and co-applicants in it are erased and cannot be restored.
                    "Agree" means you have read and accept this agreement; "Decline" stores nothing.""");

    static final LocalizedText NOTICE =
            LocalizedText.of(
                    """
                    1. 申请人须具有完全民事行为能力，以家庭为单位申请，每个家庭只能有一份进行中的申请；
                    2. 已婚申请人的配偶为必填的共同申请人，共同申请人须填写基础、就业和居住信息；
                    3. 请如实填写家庭资产（车辆、不动产、工商登记、存款和有价证券）并签署授权承诺书；
                    4. 身份证、户口簿可获取电子证照，其他材料按申请类别要求上传（JPG、PNG、PDF）；
                    5. 每一步均可"暂存"，可换设备继续填写；提交前系统将二次确认；
                    6. 提交后由县（区）住房保障部门初审、市住房保障部门复审，可在"我的申请"查看实时审核进度；
                    7. 隐瞒有关情况或提供虚假材料的，将不予受理或取消资格，并依法追究责任。""",
                    """
                    1. Apply as a household; each household may have one application in progress;
                    2. A married applicant must add the spouse; every co-applicant needs basic, employment and residence information;
                    3. Declare the family's assets truthfully and sign the authorization commitment letter;
                    4. ID card and household register may be fetched as electronic licences; other materials are uploaded;
                    5. Every step can be saved as a draft and resumed on another device; submitting asks you to confirm;
                    6. The county then the city housing-security department review it; follow it under My applications;
                    7. Concealment or false materials lead to refusal or loss of eligibility and legal liability.""");

    static final List<Views.FlowStep> FLOW =
            List.of(
                    step("consent", "同意授权", "Consent", "阅读并同意服务授权隐私协议", "Read and accept"),
                    step("region", "选择区域", "Region", "选择申请的市、县（区）并确认", "City and county"),
                    step("face", "身份验证", "Identity check", "扫脸认证", "Face check"),
                    step(
                            "type",
                            "申请类别",
                            "Application type",
                            "实物配租或租赁补贴，申请人类别",
                            "Housing or subsidy, category"),
                    step("family", "家庭成员", "Family", "申请人及共同申请人信息", "Applicant and co-applicants"),
                    step("assets", "家庭资产", "Assets", "资产情况和授权承诺书", "Assets and commitment letter"),
                    step("materials", "申请材料", "Materials", "电子证照和上传材料", "Licences and uploads"),
                    step("submit", "提交申请", "Submit", "二次确认后提交", "Confirm and submit"),
                    step("review", "审核", "Review", "县（区）初审、市级复审", "County, then city review"));

    private GuideTexts() {}

    private static Views.FlowStep step(String key, String zh, String en, String dZh, String dEn) {
        return new Views.FlowStep(key, LocalizedText.of(zh, en), LocalizedText.of(dZh, dEn));
    }
}
