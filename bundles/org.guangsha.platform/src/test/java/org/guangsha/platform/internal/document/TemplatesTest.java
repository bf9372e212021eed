package org.guangsha.platform.internal.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final PdfRenderer renderer = new PdfRenderer(CjkFont.shared());

    static Map<String, String> leaseValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("contractNumber", "赣洪公租合〔2026〕第00457号");
        v.put("lessorName", "南昌市保障性住房运营管理有限公司");
        v.put("lessorIdNumber", "91360100MA35XXXX7K");
        v.put("lessorPhone", "0791-86661234");
        v.put("tenantName", "张秀英");
        v.put("tenantIdNumber", "360102198805124426");
        v.put("tenantPhone", "13907912345");
        v.put("cityName", "南昌市");
        v.put("projectName", "青山湖区南钢公租房小区");
        v.put("dwellingAddress", "江西省南昌市青山湖区京东大道1188号");
        v.put("building", "3");
        v.put("unit", "2");
        v.put("room", "1502");
        v.put("floorArea", "49.86");
        v.put("monthlyRent", "498.60");
        v.put("deposit", "997.20");
        v.put("termFrom", "2026年12月1日");
        v.put("termTo", "2029年11月30日");
        v.put("wechatPayment", "“南昌公租房”微信公众号—租金缴纳");
        v.put("coResidents", "李建国（配偶）、李思远（子）");
        v.put("paymentDay", "5");
        v.put("signedAt", "南昌市青山湖区住房保障服务中心");
        return v;
    }

    static Map<String, String> occupancyValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tenantName", "王建华");
        v.put("tenantIdNumber", "360121197903158812");
        v.put("familyMembers", "刘梅（配偶）、王子涵（女）");
        v.put("householdSize", "3");
        v.put("projectName", "红谷滩区凤凰洲公租房小区");
        v.put("dwellingAddress", "江西省南昌市红谷滩区凤凰中大道909号");
        v.put("building", "7");
        v.put("unit", "1");
        v.put("room", "803");
        v.put("floorArea", "59.42");
        v.put("monthlyRent", "594.20");
        v.put("deposit", "1188.40");
        v.put("checkInDate", "2026年12月8日（星期二）上午9:00—11:30");
        v.put("checkInPlace", "凤凰洲公租房小区物业服务中心（7栋一楼）");
        v.put("contactPerson", "陈女士");
        v.put("contactPhone", "0791-83881234");
        v.put("authorityName", "南昌市红谷滩区住房保障服务中心");
        v.put("noticeDate", "2026年11月23日");
        return v;
    }

    static Map<String, String> authorizationValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("housingAuthorityName", "南昌市住房保障和房产管理局");
        v.put("applicantName", "刘小军");
        v.put("applicantIdNumber", "360103199107214415");
        v.put("cityName", "南昌市");
        v.put("applicantPhone", "18679112345");
        v.put("coApplicants", "周琳（配偶），身份证号 360103199302183328\n刘子墨（子），身份证号 360103201905060017");
        v.put("signedOn", "");
        return v;
    }

    static Map<String, String> powerOfAttorneyValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("principalName", "赵桂兰");
        v.put("principalIdNumber", "360102195506123324");
        v.put("principalPhone", "13870612345");
        v.put("principalAddress", "南昌市东湖区八一大道357号");
        v.put("agentName", "孙立新");
        v.put("agentIdNumber", "360102198011093315");
        v.put("agentPhone", "13907001234");
        v.put("agentRelation", "儿子");
        v.put("reason", "年老行动不便");
        v.put("matterTitle", "公共租赁住房申请");
        v.put(
                "entrustedMatters",
                "1. 代为提交公共租赁住房申请及相关材料；\n2. 代为领取、签收审核结果和配租通知；\n3. 代为签订《公共租赁住房租赁合同》及办理入住手续。");
        v.put("periodFrom", "2026年11月23日");
        v.put("periodTo", "2027年11月22日");
        v.put("signedOn", "2026年11月23日");
        return v;
    }

    @Test
    void leaseContract() throws IOException {
        byte[] pdf =
                check(
                        DocumentTemplates.LEASE_CONTRACT,
                        leaseValues(),
                        2,
                        "公共租赁住房租赁合同",
                        List.of(
                                "张秀英",
                                "360102198805124426",
                                "南昌市保障性住房运营管理有限公司",
                                "3 栋 2 单元 1502 室",
                                "498.60 元/月",
                                "第十二条 其他",
                                "出租人（盖章）",
                                "承租人签名"));
        assertTrue(pdf.length < 300 * 1024, "size " + pdf.length);
    }

    @Test
    void occupancyNotice() throws IOException {
        check(
                DocumentTemplates.OCCUPANCY_NOTICE,
                occupancyValues(),
                1,
                "公共租赁住房入住通知书",
                List.of("王建华", "7 栋 1 单元 803 室", "凤凰洲公租房小区物业服务中心", "南昌市红谷滩区住房保障服务中心（盖章）"));
    }

    @Test
    void authorizationCommitmentLetter() throws IOException {
        check(
                DocumentTemplates.AUTHORIZATION_COMMITMENT_LETTER,
                authorizationValues(),
                2,
                "授权承诺书",
                List.of(
                        "刘小军",
                        "周琳（配偶），身份证号 360103199302183328",
                        "刘子墨（子），身份证号 360103201905060017",
                        "车辆",
                        "五年内不得再次申请",
                        "申请人签字（捺印）",
                        "签署日期：________"));
    }

    @Test
    void powerOfAttorney() throws IOException {
        check(
                DocumentTemplates.POWER_OF_ATTORNEY,
                powerOfAttorneyValues(),
                1,
                "授权委托书",
                List.of(
                        "赵桂兰",
                        "360102198011093315",
                        "2. 代为领取、签收审核结果和配租通知；",
                        "委托人签名（捺印）",
                        "受托人签名（捺印）"));
    }

    @Test
    void keysAreTheDocumentedOnes() {
        assertEquals(
                List.copyOf(leaseValues().keySet()),
                List.copyOf(
                        TemplateMarkup.placeholderKeys(text(DocumentTemplates.LEASE_CONTRACT))));
        assertEquals(
                List.copyOf(occupancyValues().keySet()),
                List.copyOf(
                        TemplateMarkup.placeholderKeys(text(DocumentTemplates.OCCUPANCY_NOTICE))));
        assertEquals(
                List.copyOf(authorizationValues().keySet()),
                List.copyOf(
                        TemplateMarkup.placeholderKeys(
                                text(DocumentTemplates.AUTHORIZATION_COMMITMENT_LETTER))));
        assertEquals(
                List.copyOf(powerOfAttorneyValues().keySet()),
                List.copyOf(
                        TemplateMarkup.placeholderKeys(text(DocumentTemplates.POWER_OF_ATTORNEY))));
    }

    private static String text(String name) {
        return DocumentTemplates.text(name);
    }

    private byte[] check(
            String name,
            Map<String, String> values,
            int pages,
            String title,
            List<String> expectedTexts)
            throws IOException {
        RenderRequest request =
                new RenderRequest(
                        text(name),
                        values,
                        "GS-2026-000123",
                        LocalDate.of(2026, 11, 23),
                        LocalDate.of(2029, 11, 30),
                        "https://guangsha.example.cn/verify/GS-2026-000123",
                        Map.of(),
                        null);
        byte[] pdf = renderer.render(request);

        try (PDDocument document = Pdfs.load(pdf)) {
            assertEquals(pages, document.getNumberOfPages(), name + " pages");
            assertEquals(title, document.getDocumentInformation().getTitle());
            String text = Pdfs.text(pdf);
            assertEquals(
                    List.of(PageLayout.QR_CAPTION_TEXT, title), text.lines().limit(2).toList());
            for (String expected : expectedTexts) {
                assertTrue(text.contains(expected), name + " lacks " + expected + ":\n" + text);
            }
            for (int p = 0; p < pages; p++) {
                List<PDType0Font> fonts = Pdfs.type0Fonts(document.getPage(p));
                assertEquals(1, fonts.size());
                PDType0Font font = fonts.get(0);
                assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC-Regular"), font.getName());
                PDStream program = font.getDescendantFont().getFontDescriptor().getFontFile2();
                assertNotNull(program, "FontFile2 embedded");
                // the whole font is 10 MB; a subset of a few hundred glyphs is a small fraction
                assertTrue(program.toByteArray().length < 400_000, "subset size");
            }
        }
        assertTrue(pdf.length > 10_000 && pdf.length < 300 * 1024, name + " size " + pdf.length);
        return pdf;
    }
}
