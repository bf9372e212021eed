package org.guangsha.selection.internal.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.guangsha.platform.rest.FieldError;
import org.guangsha.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * S-12 rent collection details: the card number's Luhn check and length, the holder, the photos.
 */
class BankDetailsTest {

    private static final String VALID = "6222020200112230004";

    @Test
    void luhnAcceptsValidNumbersAndRefusesOneWrongDigit() {
        assertTrue(BankDetails.luhn(VALID));
        assertTrue(BankDetails.luhn("4111111111111111"));
        assertTrue(BankDetails.luhn("6212261202000000001"));
        assertFalse(BankDetails.luhn("6222020200112230005"));
        assertFalse(BankDetails.luhn("4111111111111112"));
        assertFalse(BankDetails.luhn(""));
        assertFalse(BankDetails.luhn("42a2"));
    }

    @Test
    void aValidCardIsNormalizedAndTrimmed() {
        BankDetails d =
                new BankDetails(" 中国工商银行深圳分行 ", "张三", "6222 0202 0011 2230 004", "f", "b")
                        .checked("张三");
        assertEquals("中国工商银行深圳分行", d.bankName());
        assertEquals(VALID, d.cardNumber());
        assertEquals(VALID, BankDetails.normalizedCardNumber("6222-0202-0011-2230-004"));
    }

    @Test
    void everyWrongFieldIsNamed() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                new BankDetails("", "李四", "6222020200112230005", "", "")
                                        .checked("张三"));
        assertEquals(400, e.problem().status());
        assertEquals(
                List.of(
                        "bankName",
                        "accountName",
                        "cardNumber",
                        "frontAttachmentId",
                        "backAttachmentId"),
                e.problem().errors().stream().map(FieldError::field).toList());
        assertEquals("户名须为主申请人本人", e.problem().errors().get(1).message());
        assertEquals("银行卡号校验未通过，请核对", e.problem().errors().get(2).message());
    }

    @Test
    void aCardNumberHasTwelveToNineteenDigits() {
        // 11 and 20 digits, each Luhn-valid, are still refused for their length
        assertField(new BankDetails("工商银行", "张三", "42424242420", "f", "b"), "cardNumber");
        assertField(new BankDetails("工商银行", "张三", "42424242424242424242", "f", "b"), "cardNumber");
        assertField(new BankDetails("工商银行", "张三", "6222x20200112230004", "f", "b"), "cardNumber");
        // 12 digits pass
        new BankDetails("工商银行", "张三", "424242424242", "f", "b").checked("张三");
    }

    @Test
    void frontAndBackAreTwoPhotos() {
        assertField(new BankDetails("工商银行", "张三", VALID, "same", "same"), "backAttachmentId");
    }

    @Test
    void onlyTheLastFourDigitsShow() {
        assertEquals("***************0004", BankDetails.masked(VALID));
        assertEquals("0004", BankDetails.last4(VALID));
        assertEquals("****", BankDetails.masked("1234"));
        assertEquals(null, BankDetails.masked(null));
    }

    private static void assertField(BankDetails d, String field) {
        ProblemException e = assertThrows(ProblemException.class, () -> d.checked("张三"));
        assertEquals(field, e.problem().errors().get(0).field());
    }
}
