package org.guangsha.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.guangsha.platform.identity.VerificationOutcome.Status;
import org.guangsha.platform.identity.VerificationSubject;
import org.junit.jupiter.api.Test;

class SandboxSimulationsTest {

    private static final VerificationSubject SUBJECT =
            new VerificationSubject("a1", "张三", "440304199001011233", "13800000001");

    @Test
    void bankCardPassesOnlyForAValidCardWithTheRegisteredMobile() {
        SandboxVerifications.BankCard bank = new SandboxVerifications.BankCard();
        assertEquals(
                Status.PASSED,
                bank.verify(
                                SUBJECT,
                                Map.of(
                                        "cardNumber",
                                        "6222020200112230004",
                                        "reservedMobile",
                                        "13800000001"))
                        .status());
        assertEquals(
                Status.FAILED,
                bank.verify(
                                SUBJECT,
                                Map.of(
                                        "cardNumber",
                                        "6222020200112230004",
                                        "reservedMobile",
                                        "13900000000"))
                        .status());
        assertEquals(
                Status.FAILED,
                bank.verify(
                                SUBJECT,
                                Map.of(
                                        "cardNumber",
                                        "6222020200110030000",
                                        "reservedMobile",
                                        "13800000001"))
                        .status(),
                "numbers ending 0000 are someone else's card");
        assertEquals("银行卡号无效", bank.verify(SUBJECT, Map.of("cardNumber", "1234")).message());
        assertTrue(SandboxVerifications.BankCard.luhn("79927398713"));
        assertFalse(SandboxVerifications.BankCard.luhn("79927398710"));
    }

    @Test
    void loginCredentialsNameTheProvedIdNumber() {
        assertEquals(
                Optional.of("440304199001011233"),
                SandboxIdentityProviders.proved("SANDBOX:440304199001011233", "SANDBOX:"));
        assertEquals(Optional.empty(), SandboxIdentityProviders.proved("SANDBOX:123", "SANDBOX:"));
        assertEquals(Optional.empty(), SandboxIdentityProviders.proved(null, "SANDBOX:"));
    }

    @Test
    void captchaAnswersExpire() {
        Instant[] now = {Instant.parse("2026-11-23T01:00:00Z")};
        Clock clock =
                new Clock() {
                    @Override
                    public ZoneOffset getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now[0];
                    }
                };
        SandboxCaptchaAnswers answers = new SandboxCaptchaAnswers(clock);
        answers.issued("c1", "AC3EF", now[0].plusSeconds(300));
        assertEquals(Optional.of("AC3EF"), answers.answer("c1"));
        now[0] = now[0].plusSeconds(301);
        assertEquals(Optional.empty(), answers.answer("c1"));
        assertEquals(Optional.empty(), answers.answer("unknown"));
    }
}
