package org.guangsha.sandbox.internal;

import java.util.Map;
import org.guangsha.platform.i18n.LocalizedText;
import org.guangsha.platform.identity.FaceSessions;
import org.guangsha.platform.identity.VerificationOutcome;
import org.guangsha.platform.identity.VerificationProvider;
import org.guangsha.platform.identity.VerificationSubject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The four simulated verification methods of the sandbox (DOMAIN.md I-4). Each applies a simple,
 * documented rule instead of asking a government service, and says "模拟" in its name.
 */
public final class SandboxVerifications {

    private SandboxVerifications() {}

    /** Face recognition: passes when the account's PASSED face session for "verify" is given. */
    @Component(service = VerificationProvider.class)
    public static class Face implements VerificationProvider {
        private final FaceSessions faces;

        /** Built by DS. */
        @Activate
        public Face(@Reference FaceSessions faces) {
            this.faces = faces;
        }

        @Override
        public String id() {
            return "face";
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("人脸识别（模拟）", "Face recognition (simulated)");
        }

        @Override
        public Map<String, LocalizedText> inputs() {
            return Map.of("faceSessionId", LocalizedText.of("手机人脸识别编号", "Face session id"));
        }

        @Override
        public VerificationOutcome verify(VerificationSubject subject, Map<String, String> input) {
            return faces.consume(input.get("faceSessionId"), subject.accountId(), "verify")
                    ? VerificationOutcome.passed()
                    : VerificationOutcome.failed(
                            "人脸识别未完成、未通过或已使用，请重新识别",
                            "The face check is not done, failed or was already used");
        }
    }

    /**
     * Bank card: passes when the card number is a valid card number (Luhn) and the mobile the bank
     * holds for it is the registered mobile. Card numbers ending in 0000 are "not the person's" in
     * the simulation, to exercise failures.
     */
    @Component(service = VerificationProvider.class)
    public static class BankCard implements VerificationProvider {
        @Override
        public String id() {
            return "bank-card";
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("银行卡认证（模拟）", "Bank card (simulated)");
        }

        @Override
        public Map<String, LocalizedText> inputs() {
            return Map.of(
                    "cardNumber", LocalizedText.of("银行卡号", "Card number"),
                    "reservedMobile", LocalizedText.of("银行预留手机号", "Mobile held by the bank"));
        }

        @Override
        public VerificationOutcome verify(VerificationSubject subject, Map<String, String> input) {
            String card = input.getOrDefault("cardNumber", "").replace(" ", "");
            if (!card.matches("\\d{16,19}") || !luhn(card)) {
                return VerificationOutcome.failed("银行卡号无效", "Invalid card number");
            }
            if (card.endsWith("0000")
                    || !input.getOrDefault("reservedMobile", "").equals(subject.mobile())) {
                return VerificationOutcome.failed(
                        "银行卡信息与注册信息不一致", "The card does not match the registered person");
            }
            return VerificationOutcome.passed();
        }

        static boolean luhn(String digits) {
            int sum = 0;
            boolean twice = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int d = digits.charAt(i) - '0';
                if (twice) {
                    d *= 2;
                    d = d > 9 ? d - 9 : d;
                }
                sum += d;
                twice = !twice;
            }
            return sum % 10 == 0;
        }
    }

    /** Electronic social-security card: passes for a 9-character card number not ending in 0. */
    @Component(service = VerificationProvider.class)
    public static class SocialSecurityCard implements VerificationProvider {
        @Override
        public String id() {
            return "social-security-card";
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("电子社保卡认证（模拟）", "Electronic social-security card (simulated)");
        }

        @Override
        public Map<String, LocalizedText> inputs() {
            return Map.of("cardNumber", LocalizedText.of("社会保障卡号", "Card number"));
        }

        @Override
        public VerificationOutcome verify(VerificationSubject subject, Map<String, String> input) {
            String card = input.getOrDefault("cardNumber", "").strip().toUpperCase();
            return card.matches("[A-Z0-9]{8}[A-Z1-9]")
                    ? VerificationOutcome.passed()
                    : VerificationOutcome.failed("社保卡信息核验未通过", "The card was not confirmed");
        }
    }

    /** WeChat real-name (微信实名): passes when the scan code is "SANDBOX-OK". */
    @Component(service = VerificationProvider.class)
    public static class WeChat implements VerificationProvider {
        @Override
        public String id() {
            return "wechat";
        }

        @Override
        public LocalizedText name() {
            return LocalizedText.of("微信实名认证（模拟）", "WeChat real-name (simulated)");
        }

        @Override
        public Map<String, LocalizedText> inputs() {
            return Map.of("scanCode", LocalizedText.of("扫码结果", "Scan result"));
        }

        @Override
        public VerificationOutcome verify(VerificationSubject subject, Map<String, String> input) {
            return "SANDBOX-OK".equals(input.get("scanCode"))
                    ? VerificationOutcome.passed()
                    : VerificationOutcome.failed("微信实名信息不一致", "WeChat real-name mismatch");
        }
    }
}
